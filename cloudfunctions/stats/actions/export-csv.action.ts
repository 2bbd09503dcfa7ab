/**
 * `stats.exportCsv` (导出): the subtree's cases as a CSV for Excel, optionally between two submission
 * days, each redacted for the person exporting (cases-export.query.ts).
 */
import { defineAction } from '../../_shared/handler/action'
import { authorizeStats } from '../stats.guard'
import { exportCases } from '../cases-export.query'

export const exportCsv = defineAction({
  fn: 'stats', name: 'exportCsv', kind: 'read', authorization: ['stats.read', 'case.exportPrivate'],
  authorize: authorizeStats,
  run: async (ctx, { from, to }, { person, org }) =>
    exportCases(ctx.deps.store, { person, org, now: ctx.now, ...(from && { from }), ...(to && { to }) }),
})
