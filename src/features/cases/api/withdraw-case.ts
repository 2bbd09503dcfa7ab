/** Asks to withdraw her case before it is resolved (intake.withdraw). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const withdrawCase = (input: ActionInput<'intake', 'withdraw'>): Promise<ActionResult<'intake', 'withdraw'>> =>
  call('intake', 'withdraw', input)
