/**
 * `stats.overview` (统计概览): an org's figures for its whole subtree and each child's, read from the
 * counters (overview.query.ts), for those who supervise it.
 */
import { defineAction } from '../../_shared/handler/action'
import { authorizeStats } from '../stats.guard'
import { readOverview } from '../overview.query'

export const overview = defineAction({
  fn: 'stats', name: 'overview', kind: 'read', authorization: ['stats.read'],
  authorize: authorizeStats,
  run: async (ctx, _input, { org }) => readOverview(ctx.deps.store, org, ctx.now),
})
