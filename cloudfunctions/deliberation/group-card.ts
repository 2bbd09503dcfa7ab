/**
 * The group card follows the deliberation (docs/RULES.md "The card in the group"): after a ballot, a
 * close, or the reminder instant has committed, WeChat is asked to show what the card says now. The
 * change never waits on it and never fails for it: a refusal is logged, and the next push carries the
 * whole state again (counts are absolute, 已结束 is final), so a missed one heals with the next ballot.
 * WeChat's "system busy" (-1, "try again later" on its page) is tried once more at once.
 */
import type { DeliberationState } from '../_shared/domain/deliberation.state'
import { cardExpired, cardOf, cardUpdateOf } from '../_shared/domain/deliberation.card'
import type { ActionContext, Deps } from '../_shared/context/deps'

const BUSY = -1

export async function pushCard(deps: Deps, state: DeliberationState, now: string, requestId: string): Promise<void> {
  const card = state.shareCard
  // Never shared, or its id has run out (WeChat shows 已结束 by itself and takes no more updates).
  if (!card || cardExpired(card, now)) return
  const update = cardUpdateOf(cardOf(state, now))
  try {
    let result = await deps.shareCards.update(card.activityId, update)
    if (!result.ok && result.code === BUSY) result = await deps.shareCards.update(card.activityId, update)
    if (!result.ok) {
      deps.log.error('share card: update refused', { requestId, deliberationId: state.id, activityId: card.activityId, code: result.code, reason: result.message })
    }
  } catch (error) {
    deps.log.error('share card: update failed', { requestId, deliberationId: state.id, activityId: card.activityId, error: String(error) })
  }
}

/** As an action's `afterChange` (vote, proxyVote, close). */
export const refreshCard = (ctx: ActionContext, state: DeliberationState): Promise<void> => pushCard(ctx.deps, state, ctx.now, ctx.requestId)
