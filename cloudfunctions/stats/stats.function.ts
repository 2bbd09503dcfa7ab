/**
 * `stats`: an org's figures for its whole subtree, read from counters kept in the same transactions
 * as the changes they count (never by scanning cases), and the CSV export of the subtree's cases.
 */
import { defineFunction } from '../_shared/handler/define-function'
import { authorizeStats } from './stats.guard'
import { readOverview } from './overview.query'
import { exportCases } from './cases-export.query'

export const statsFunction = defineFunction('stats', {
  overview: async (ctx, { orgId }) => {
    const { org } = await authorizeStats(ctx, orgId)
    return readOverview(ctx.deps.store, org, ctx.now)
  },

  exportCsv: async (ctx, { orgId, from, to }) => {
    const { person, org } = await authorizeStats(ctx, orgId)
    return exportCases(ctx.deps.store, { person, org, now: ctx.now, ...(from && { from }), ...(to && { to }) })
  },
})
