/** Asks to take the role an invitation code offers (account.redeem). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const redeemInvitation = (input: ActionInput<'account', 'redeem'>): Promise<ActionResult<'account', 'redeem'>> =>
  call('account', 'redeem', input)
