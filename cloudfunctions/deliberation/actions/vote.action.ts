/** `deliberation.vote`: a member on the roll casts (or changes) her ballot while it is open. */
import { deliberationCommand } from '../../_shared/handler/command-action'
import { refreshCard } from '../group-card'

export const vote = deliberationCommand('deliberation', 'vote', {
  authorization: ['deliberation.vote'],
  afterChange: refreshCard,
  command: async ({ deliberationId, choices }, base, tx, ctx) => ({
    ...base,
    type: 'CastBallot',
    choices,
    current: await tx.ballots.get(deliberationId, ctx.openid),
  }),
  withBallots: false,
})
