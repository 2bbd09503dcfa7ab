/** Asks to record the partner department's reply on a case (escalation.reply). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const recordDepartmentReply = (input: ActionInput<'escalation', 'reply'>): Promise<ActionResult<'escalation', 'reply'>> =>
  call('escalation', 'reply', input)
