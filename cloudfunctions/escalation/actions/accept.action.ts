/** `escalation.accept`: the holder org takes the case on (受理), within its accept deadline. */
import { caseCommand } from '../../_shared/handler/command-action'

export const accept = caseCommand('escalation', 'accept', {
  authorization: ['case.accept'],
  command: (_input, base) => ({ ...base, type: 'AcceptCase' }),
})
