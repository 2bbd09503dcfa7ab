/** Whom the holder may name for a task of this case: the 添加任务 sheet's list (escalation.taskAssignees). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const listTaskAssignees = (input: ActionInput<'escalation', 'taskAssignees'>): Promise<ActionResult<'escalation', 'taskAssignees'>> =>
  call('escalation', 'taskAssignees', input)
