/**
 * `stats.ranking` (月度排名): the month's scorecard of the org's children — 响应率, 解决率, 满意率,
 * 按时办结率, 催办 — with a score and a rank each, from monthly counters (ranking.query.ts).
 */
import { chinaMonth } from '../../_shared/domain/china-calendar'
import { defineAction } from '../../_shared/handler/action'
import { authorizeStats } from '../stats.guard'
import { readRanking } from '../ranking.query'

export const ranking = defineAction({
  fn: 'stats', name: 'ranking', kind: 'read', authorization: ['stats.read'],
  authorize: authorizeStats,
  run: ({ deps, now }, { month }, { org }) => readRanking(deps.store, org, month ?? chinaMonth(now), now),
})
