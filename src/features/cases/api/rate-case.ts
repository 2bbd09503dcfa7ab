/** Asks to record her rating of a resolved case (intake.rate). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const rateCase = (input: ActionInput<'intake', 'rate'>): Promise<ActionResult<'intake', 'rate'>> =>
  call('intake', 'rate', input)
