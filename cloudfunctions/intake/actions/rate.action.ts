/** `intake.rate` (评价): the reporter rates a resolved case; a poor rating reopens it one level up. */
import { caseCommand } from '../../_shared/handler/command-action'

export const rate = caseCommand('intake', 'rate', {
  authorization: ['case.rate'],
  contentChecked: ({ comment }) => [comment],
  command: ({ rating, comment }, base) => ({ ...base, type: 'RateCase', rating, ...(comment && { comment }) }),
})
