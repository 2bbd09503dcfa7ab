/**
 * `escalation.requestExtension` (申请延期): the holder asks its parent org for more days on the resolve
 * deadline, before it passes — once per level, at most the level's own resolve days; the parent's
 * cadres are told.
 */
import { caseCommand } from '../../_shared/handler/command-action'

export const requestExtension = caseCommand('escalation', 'requestExtension', {
  authorization: ['case.requestExtension'],
  contentChecked: ({ reason }) => [reason],
  command: ({ days, reason }, base) => ({ ...base, type: 'RequestExtension', days, reason }),
})
