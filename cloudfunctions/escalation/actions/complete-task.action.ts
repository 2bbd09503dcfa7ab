/**
 * `escalation.completeTask` (帮扶方案 · 完成): the holder marks a task done (for a volunteer without an
 * account, always the holder), or the member the task names marks her own; with a note if she wants.
 */
import { caseCommand } from '../../_shared/handler/command-action'

export const completeTask = caseCommand('escalation', 'completeTask', {
  authorization: ['case.completeTask'],
  contentChecked: ({ note }) => [note],
  command: ({ taskId, note }, base) => ({ ...base, type: 'CompleteTask', taskId, ...(note !== undefined && { note }) }),
})
