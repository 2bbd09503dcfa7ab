/**
 * `intake.rate` (评价): the reporter answers 问题解决了吗 and 您满意吗 for a resolved case; 部分解决/没解决
 * with her confirmed `reopen` sends it on one level up (case.decider.ts rateCase).
 */
import { caseCommand } from '../../_shared/handler/command-action'

export const rate = caseCommand('intake', 'rate', {
  authorization: ['case.rate'],
  contentChecked: ({ comment }) => [comment],
  command: ({ solved, satisfaction, comment, reopen }, base) => ({
    ...base,
    type: 'RateCase',
    solved,
    satisfaction,
    ...(comment && { comment }),
    ...(reopen !== undefined && { reopen }),
  }),
})
