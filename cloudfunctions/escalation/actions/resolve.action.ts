/** `escalation.resolve`: the holder records what was done (办结) and the reporter is asked to rate it. */
import { caseCommand } from '../../_shared/handler/command-action'

export const resolve = caseCommand('escalation', 'resolve', {
  authorization: ['case.resolve'],
  contentChecked: ({ resolution, openTasksNote }) => [resolution, openTasksNote],
  command: ({ outcome, resolution, openTasks, openTasksNote }, base) => ({
    ...base,
    type: 'ResolveCase',
    outcome,
    resolution,
    // 帮扶方案: what became of the tasks still open (the decider asks while there are any).
    ...(openTasks && { openTasks }),
    ...(openTasksNote && { openTasksNote }),
  }),
})
