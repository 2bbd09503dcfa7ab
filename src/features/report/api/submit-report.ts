/** Asks to file a report; a resend with the same request id answers the same case (intake.submit). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const submitReport = (input: ActionInput<'intake', 'submit'>): Promise<ActionResult<'intake', 'submit'>> =>
  call('intake', 'submit', input)
