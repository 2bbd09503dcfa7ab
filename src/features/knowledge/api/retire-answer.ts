/** Retires a standard answer: kept on record, no longer offered (account.kbRetire). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const retireAnswer = (input: ActionInput<'account', 'kbRetire'>): Promise<ActionResult<'account', 'kbRetire'>> =>
  call('account', 'kbRetire', input)
