/** Sets a task of the case's 帮扶方案 (escalation.planTask). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const planTask = (input: ActionInput<'escalation', 'planTask'>): Promise<ActionResult<'escalation', 'planTask'>> =>
  call('escalation', 'planTask', input)
