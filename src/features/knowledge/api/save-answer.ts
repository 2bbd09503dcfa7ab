/** Adds a standard answer, or edits one by its id (account.kbSave). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const saveAnswer = (input: ActionInput<'account', 'kbSave'>): Promise<ActionResult<'account', 'kbSave'>> =>
  call('account', 'kbSave', input)
