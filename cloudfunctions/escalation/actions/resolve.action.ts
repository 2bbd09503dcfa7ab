/** `escalation.resolve`: the holder records what was done (办结) and the reporter is asked to rate it. */
import { caseCommand } from '../../_shared/handler/command-action'

export const resolve = caseCommand('escalation', 'resolve', {
  authorization: ['case.resolve'],
  contentChecked: ({ resolution }) => [resolution],
  command: ({ outcome, resolution }, base) => ({ ...base, type: 'ResolveCase', outcome, resolution }),
})
