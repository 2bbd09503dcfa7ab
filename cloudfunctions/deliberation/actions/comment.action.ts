/** `deliberation.comment`: a member or a cadre posts an opinion (发表意见) on the deliberation. */
import { deliberationCommand } from '../../_shared/handler/command-action'
import { canComment } from '../../_shared/domain/deliberation.access'
import { forbidden } from '../../_shared/context/failures'
import { loadReadable, personNameOf } from '../../_shared/deliberations/deliberation-view'

export const comment = deliberationCommand('deliberation', 'comment', {
  authorization: ['deliberation.comment'],
  authorize: async (ctx, { deliberationId }, actor) => {
    const state = await loadReadable(ctx.deps.store, deliberationId, actor)
    if (!canComment(actor, state)) throw forbidden('只有本议事会成员和妇联干部可以发表意见')
  },
  contentChecked: ({ text }) => [text],
  command: async ({ text }, base, tx, ctx) => ({
    ...base,
    type: 'PostComment',
    commentId: ctx.deps.ids.next('cmt'),
    text,
    actorName: await personNameOf(tx, ctx.openid, '议事会成员'),
  }),
})
