/**
 * `stats.trend` (按月趋势): the subtree's months from `from` to `to` and their total — reports filed,
 * rounds accepted, resolutions, ratings and their rates — from the monthly counters in one batched
 * read of (org, month) sets, never a scan of cases (domain/stats.drill.ts trendOf).
 */
import { monthsFrom, trendOf } from '../../_shared/domain/stats.drill'
import { defineAction } from '../../_shared/handler/action'
import { authorizeStats } from '../stats.guard'

export const trend = defineAction({
  fn: 'stats', name: 'trend', kind: 'read', authorization: ['stats.read'],
  authorize: authorizeStats,
  run: async ({ deps, now }, { from, to }, { org }) => {
    const months = monthsFrom(from, to)
    const sets = await deps.store.counters.inPeriods(months.map((period) => ({ orgId: org.id, period })))
    return { org: { id: org.id, name: org.name, level: org.level }, from, to, ...trendOf(months, sets), asOf: now }
  },
})
