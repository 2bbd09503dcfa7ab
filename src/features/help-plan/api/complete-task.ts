/** Marks a task of the case's 帮扶方案 done, with a note if she wants (escalation.completeTask). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const completeTask = (input: ActionInput<'escalation', 'completeTask'>): Promise<ActionResult<'escalation', 'completeTask'>> =>
  call('escalation', 'completeTask', input)
