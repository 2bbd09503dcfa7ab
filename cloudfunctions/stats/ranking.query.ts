/**
 * The monthly scorecard of an org's children (stats.ranking, stats.exportRanking): one read of the
 * children and one of their month's counters, so a province ranks its cities as fast as a township
 * its villages. The figures, the score and the ranks are the domain's (stats.ranking.ts).
 */
import type { RankingExport, RankingItem, StatsRanking } from '../../types/stats.contract'
import { monthlyFigures, rankByScore, scoreOf } from '../_shared/domain/stats.ranking'
import { DEFAULT_STATS_POLICY, type RankingPolicy } from '../_shared/domain/stats.config'
import type { OrgRecord, Store } from '../_shared/ports/store.port'
import { csvLine } from '../_shared/csv'

export async function readRanking(
  store: Store,
  org: OrgRecord,
  month: string,
  now: string,
  policy: RankingPolicy = DEFAULT_STATS_POLICY.ranking,
): Promise<StatsRanking> {
  const children = await store.orgs.children(org.id)
  const sets = await store.counters.inPeriods(children.map((child) => ({ orgId: child.id, period: month })))
  const rows = children.map((child, i): Omit<RankingItem, 'rank'> => {
    const figures = monthlyFigures(sets[i] ?? {})
    return { orgId: child.id, name: child.name, level: child.level, ...figures, score: scoreOf(figures, policy) }
  })
  return {
    org: { id: org.id, name: org.name, level: org.level },
    month,
    weights: { ...policy.weights },
    items: rankByScore(rows, (a, b) => a.orgId.localeCompare(b.orgId)),
    asOf: now,
  }
}

const BOM = '\uFEFF'
const rate = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`)

/** The scorecard as a bulletin's table (通报): rank order, the weights in the headers, "—" for nothing to measure. */
export function rankingCsv(ranking: StatsRanking): RankingExport {
  const { response, solve, satisfaction } = ranking.weights
  const total = response + solve + satisfaction || 1
  const share = (w: number) => `${Math.round((w / total) * 100)}%`
  const header = csvLine([
    '排名',
    '单位',
    '综合得分',
    `响应率（权重${share(response)}）`,
    `解决率（权重${share(solve)}）`,
    `满意率（权重${share(satisfaction)}）`,
    '按时办结率',
    '被催办次数',
    '本月反映数',
    '知识库更新数',
  ])
  const lines = ranking.items.map((item) =>
    csvLine([
      String(item.rank),
      item.name,
      item.score === null ? '—' : item.score.toFixed(1),
      rate(item.responseRate),
      rate(item.solveRate),
      rate(item.satisfactionRate),
      rate(item.onTimeRate),
      String(item.urged),
      String(item.cases),
      String(item.kbUpdates),
    ]),
  )
  return {
    filename: `议事会月度通报_${ranking.org.name}_${ranking.month}.csv`,
    csv: BOM + header + lines.join(''),
    rows: lines.length,
  }
}
