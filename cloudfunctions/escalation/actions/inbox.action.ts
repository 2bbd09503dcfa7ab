/** `escalation.inbox`: the cases her orgs hold (工作台), overdue first, then by the deadline running now. */
import type { CaseSummary } from '../../../types/case.contract'
import { defineAction } from '../../_shared/handler/action'
import { forbidden } from '../../_shared/context/failures'
import { orgNamesFor, toSummary } from '../../_shared/cases/case-view'

/** The deadline the holder is working against now. */
const runningDeadline = (item: CaseSummary) => (item.status === 'pending' ? item.acceptBy : item.resolveBy)

export const inbox = defineAction({
  // No row of its own: the desk is for conveners and cadres (checked below), and each case on it is
  // shown as case.view lets her see it (case-view.ts toSummary).
  fn: 'escalation', name: 'inbox', kind: 'read', authorization: [],
  run: async (ctx, { status, category }) => {
    const actor = await ctx.person()
    const orgIds = actor.roles.filter((b) => b.role === 'cadre' || b.role === 'convener').map((b) => b.orgId)
    if (orgIds.length === 0) throw forbidden('工作台仅对议事会主任和妇联干部开放')
    const held = await ctx.deps.store.cases.heldBy(orgIds, ['pending', 'in_progress', 'resolved'], 1000)
    const names = await orgNamesFor(ctx.deps.store, held)
    const all = held.flatMap((state) => toSummary(state, actor, ctx.now, names) ?? [])
    const counts = {
      pending: all.filter((c) => c.status === 'pending').length,
      in_progress: all.filter((c) => c.status === 'in_progress').length,
      resolved: all.filter((c) => c.status === 'resolved').length,
      overdue: all.filter((c) => c.overdue).length,
    }
    const items = all
      .filter((c) => (!status || c.status === status) && (!category || c.category === category))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || runningDeadline(a).localeCompare(runningDeadline(b)))
    return { items, counts, asOf: ctx.now }
  },
})
