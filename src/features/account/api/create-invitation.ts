/** Asks for a single-use invitation code to a role at an org (account.invite). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const createInvitation = (input: ActionInput<'account', 'invite'>): Promise<ActionResult<'account', 'invite'>> =>
  call('account', 'invite', input)
