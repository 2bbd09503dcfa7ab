/**
 * `deliberation.shareCard`: before a member shares the deliberation into the group, the card's WeChat
 * activity id (动态消息), so the card there updates itself with each ballot and at the close. One id
 * per deliberation, stored on it; a new one only when it has (nearly) run out (24 hours: WeChat's
 * limit), and then the older cards stop updating (docs/RULES.md "The card in the group").
 */
import type { ShareCardView } from '../../../types/deliberation.contract'
import { canShare } from '../../_shared/domain/deliberation.access'
import { cardOf, needsNewCard, shareTemplateOf } from '../../_shared/domain/deliberation.card'
import type { DeliberationState } from '../../_shared/domain/deliberation.state'
import { defineAction } from '../../_shared/handler/action'
import { AppFailure, conflict, forbidden } from '../../_shared/context/failures'
import { deliberationAggregate } from '../../_shared/commands/deliberation.aggregate'
import { change } from '../../_shared/commands/command-handler'
import { loadReadable } from '../../_shared/deliberations/deliberation-view'
import { isAtOrAfter } from '../../_shared/domain/iso-time'

const NO_CARD = '暂时无法生成群卡片，请稍后再试，或直接分享'

export const shareCard = defineAction({
  fn: 'deliberation', name: 'shareCard', kind: 'write', authorization: ['deliberation.share'],
  authorize: async (ctx, { deliberationId }) => {
    const actor = await ctx.person()
    const state = await loadReadable(ctx.deps.store, deliberationId, actor)
    if (!canShare(actor, state)) throw forbidden('只有本议事会成员可以把议事分享到群里')
    return actor
  },
  run: async (ctx, { deliberationId }, actor) => {
    const { deps, now } = ctx
    const stored = (await deps.store.deliberations.get(deliberationId))!.state
    if (stored.status === 'closed' || isAtOrAfter(now, stored.closesAt)) {
      throw conflict('议事已结束，群里的卡片不再更新', 'DELIBERATION_CLOSED')
    }
    if (!needsNewCard(stored.shareCard, now)) return viewOf(stored, now)
    let issued
    try {
      issued = await deps.shareCards.issue()
    } catch (error) {
      deps.log.error('share card: no activity id', { requestId: ctx.requestId, deliberationId, error: String(error) })
      throw new AppFailure('INTERNAL', NO_CARD)
    }
    try {
      const { state } = await change(deps, deliberationAggregate, deliberationId, () => ({ type: 'IssueShareCard' as const, at: now, actor, ...issued }))
      return viewOf(state, now)
    } catch (error) {
      // Another member's share got there first: hers is the card (ours is simply never used).
      if (error instanceof AppFailure && error.reason === 'CARD_STILL_VALID') {
        return viewOf((await deps.store.deliberations.get(deliberationId))!.state, now)
      }
      throw error
    }
  },
})

function viewOf(state: DeliberationState, now: string): ShareCardView {
  const card = cardOf(state, now)
  const { activityId, expiresAt } = state.shareCard!
  return { activityId, expiresAt, templateInfo: shareTemplateOf(card), card }
}
