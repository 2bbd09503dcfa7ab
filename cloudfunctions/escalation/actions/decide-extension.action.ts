/**
 * `escalation.decideExtension` (审批延期): a cadre of the parent org answers the pending 延期 request.
 * Approved, the resolve deadline moves by the days asked (the sweep and the reminder follow it) and
 * the reporter is told the new date; either way the holder is told.
 */
import { caseCommand } from '../../_shared/handler/command-action'

export const decideExtension = caseCommand('escalation', 'decideExtension', {
  authorization: ['case.decideExtension'],
  contentChecked: ({ note }) => [note],
  command: ({ approve, note }, base) => ({ ...base, type: 'DecideExtension', approve, ...(note !== undefined && { note }) }),
})
