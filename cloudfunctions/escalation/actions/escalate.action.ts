/** `escalation.escalate`: the holder passes the case one level up (上报), with fresh deadlines there. */
import { caseCommand } from '../../_shared/handler/command-action'

export const escalate = caseCommand('escalation', 'escalate', {
  authorization: ['case.escalate'],
  contentChecked: ({ reason }) => [reason],
  command: ({ reason }, base) => ({ ...base, type: 'EscalateCase', reason }),
  mayLoseSight: true,
})
