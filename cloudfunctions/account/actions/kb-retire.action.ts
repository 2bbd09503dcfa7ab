/**
 * `account.kbRetire` (停用标准答复): the answer stays on record but is no longer offered. Its keepers
 * only (kbSave's); retiring it again changes nothing and writes no second audit line.
 */
import { defineAction } from '../../_shared/handler/action'
import { notFound } from '../../_shared/context/failures'
import { actingRole, answerView, auditAnswer, keptAnswer, placeCaller, requireSomewhere } from '../knowledge'

export const kbRetire = defineAction({
  fn: 'account', name: 'kbRetire', kind: 'write', authorization: ['knowledge.write'],
  authorize: async (ctx, { id }) => {
    const placed = await placeCaller(ctx)
    requireSomewhere(placed, 'knowledge.write', '标准答复由市、省妇联干部维护')
    return { placed, ...(await keptAnswer(ctx, placed, id)) }
  },
  run: async (ctx, { id }, { placed, line }) => {
    const answer = await ctx.deps.store.transaction(async (tx) => {
      const before = await tx.answers.get(id)
      if (!before) throw notFound('没有找到这条标准答复')
      if (before.retired) return before
      const retired = { ...before, retired: true, retiredAt: ctx.now }
      await tx.answers.put(retired)
      await auditAnswer(tx, ctx, { answer: retired, action: 'account.kbRetire', actorRole: actingRole(placed, line), summary: '停用标准答复' })
      return retired
    })
    return { answer: answerView(answer, line, true) }
  },
})
