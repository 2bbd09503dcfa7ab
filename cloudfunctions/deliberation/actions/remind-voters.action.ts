/**
 * `deliberation.remindVoters` (提醒未投票的成员): the convener's one tap. Those on the roll who have not
 * voted (she aside) get the reminder through the outbox (a subscription message when she allowed one, always in
 * 消息), at most once in NUDGE_EVERY_HOURS; audited. The answer also carries what the phone needs for
 * wx.notifyGroupMembers when it is in WeChat's chat-tool mode, where WeChat names the members itself
 * (group_openids, never our openids): docs/RULES.md "The card in the group".
 */
import type { RemindVotersResult } from '../../../types/deliberation.contract'
import { manages } from '../../_shared/domain/deliberation.access'
import { NUDGE_EVERY_HOURS, notifyTitleOf } from '../../_shared/domain/deliberation.card'
import { shareTitleOf } from '../../_shared/domain/deliberation.view'
import { HOUR_MS, addMs } from '../../_shared/domain/iso-time'
import { defineAction } from '../../_shared/handler/action'
import { forbidden } from '../../_shared/context/failures'
import { deliberationAggregate } from '../../_shared/commands/deliberation.aggregate'
import { change } from '../../_shared/commands/command-handler'
import { loadReadable } from '../../_shared/deliberations/deliberation-view'

export const remindVoters = defineAction({
  fn: 'deliberation', name: 'remindVoters', kind: 'write', authorization: ['deliberation.manage'],
  authorize: async (ctx, { deliberationId }) => {
    const actor = await ctx.person()
    const state = await loadReadable(ctx.deps.store, deliberationId, actor)
    if (!manages(actor, state)) throw forbidden('只有议事会主任或妇联干部可以提醒未投票的成员')
    return actor
  },
  run: async (ctx, { deliberationId }, actor): Promise<RemindVotersResult> => {
    let owed = 0
    const { state } = await change(ctx.deps, deliberationAggregate, deliberationId, async (current, tx) => {
      const voted = new Set((await tx.ballots.of(deliberationId)).map((b) => b.voterOpenid))
      owed = current.electorate.filter((e) => !voted.has(e.openid) && e.openid !== actor.openid).length
      return { type: 'NudgeVoters' as const, at: ctx.now, actor, owed }
    })
    return {
      reminded: owed,
      nextAt: addMs(ctx.now, NUDGE_EVERY_HOURS * HOUR_MS),
      chatTool: { title: notifyTitleOf(shareTitleOf(state)), entrancePath: `council/pages/deliberation/index?id=${state.id}`, type: 'participate' },
    }
  },
})
