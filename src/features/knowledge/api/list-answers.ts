/** Asks for the standard answers she may start from, or one org's (account.kbList). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const listAnswers = (input: ActionInput<'account', 'kbList'> = {}): Promise<ActionResult<'account', 'kbList'>> =>
  call('account', 'kbList', input)
