/** `intake.withdraw` (撤回): the reporter takes back a case still open. */
import { caseCommand } from '../../_shared/handler/command-action'

export const withdraw = caseCommand('intake', 'withdraw', {
  authorization: ['case.withdraw'],
  command: ({ reason }, base) => ({ ...base, type: 'WithdrawCase', ...(reason && { reason }) }),
})
