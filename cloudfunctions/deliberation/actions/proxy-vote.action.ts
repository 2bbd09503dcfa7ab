/** `deliberation.proxyVote`: the convener records a ballot a member agreed by phone (代录), with a note. */
import { deliberationCommand } from '../../_shared/handler/command-action'
import { refreshCard } from '../group-card'
import { personNameOf } from '../../_shared/deliberations/deliberation-view'

export const proxyVote = deliberationCommand('deliberation', 'proxyVote', {
  authorization: ['deliberation.proxyVote'],
  afterChange: refreshCard,
  command: async ({ deliberationId, memberOpenid, choices, note }, base, tx, ctx) => ({
    ...base,
    type: 'CastProxyBallot',
    memberOpenid,
    choices,
    note,
    actorName: await personNameOf(tx, ctx.openid, '议事会主任'),
    current: await tx.ballots.get(deliberationId, memberOpenid),
  }),
})
