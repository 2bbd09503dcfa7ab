/** `stats.exportRanking` (导出通报): the month's scorecard as a CSV for a bulletin (ranking.query.ts). */
import { chinaMonth } from '../../_shared/domain/china-calendar'
import { defineAction } from '../../_shared/handler/action'
import { authorizeStats } from '../stats.guard'
import { rankingCsv, readRanking } from '../ranking.query'

export const exportRanking = defineAction({
  fn: 'stats', name: 'exportRanking', kind: 'read', authorization: ['stats.read'],
  authorize: authorizeStats,
  run: async ({ deps, now }, { month }, { org }) => rankingCsv(await readRanking(deps.store, org, month ?? chinaMonth(now), now)),
})
