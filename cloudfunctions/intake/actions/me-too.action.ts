/**
 * `intake.meToo` (我也遇到): she follows a case anyone may follow (domain/me-too.rules.ts; any other is
 * not found). The decider counts her once (case.decider.ts supportCase); the case's effects record her
 * under her tag (commands/case.aggregate.ts). No free text: nothing to content-check.
 */
import { defineAction } from '../../_shared/handler/action'
import { caseAggregate } from '../../_shared/commands/case.aggregate'
import { change } from '../../_shared/commands/command-handler'

export const meToo = defineAction({
  fn: 'intake', name: 'meToo', kind: 'write', authorization: ['case.support'],
  authorize: (ctx) => ctx.person(),
  run: async (ctx, { caseId }, actor) => {
    const { state, events } = await change(ctx.deps, caseAggregate, caseId, async (_state, tx) => ({
      type: 'SupportCase' as const,
      at: ctx.now,
      actor,
      following: await tx.supporters.has(caseId, actor.openid),
    }))
    return { caseId, supporters: state.supporters ?? 0, added: events.length > 0 }
  },
})
