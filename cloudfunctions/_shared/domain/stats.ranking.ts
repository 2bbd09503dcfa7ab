/**
 * The monthly scorecard (stats.ranking): an org's month from its monthly counters (stats.counters.ts
 * "Monthly counters"), a score from three of its rates, and ranks. Rates are 0..1 rounded to 4
 * places, null when nothing was there to measure that month (shown as "—"); docs/RULES.md "Statistics".
 */
import type { RankingItem } from '../../../types/stats.contract'
import type { MonthlyCounters, MonthlyKey } from './stats.counters'
import type { RankingPolicy } from './stats.config'

/** A month's figures, as the contract describes each (types/stats.contract.ts RankingItem). */
export type MonthlyFigures = Pick<RankingItem, 'cases' | 'responseRate' | 'solveRate' | 'satisfactionRate' | 'onTimeRate' | 'urged' | 'kbUpdates'>

export function monthlyFigures(counters: MonthlyCounters): MonthlyFigures {
  const n = (key: MonthlyKey) => counters[key] ?? 0
  return {
    cases: n('submitted'),
    responseRate: ratio(n('acceptedInTime'), n('acceptDue')),
    solveRate: ratio(n('solved:yes'), n('ratings')),
    satisfactionRate: ratio(n('satisfaction:satisfied') + n('satisfaction:basic'), n('ratings')),
    onTimeRate: ratio(n('resolvedOnTime'), n('resolveDue')),
    urged: n('urged'),
    kbUpdates: n('kbUpdates'),
  }
}

/**
 * The score, 0..100 with one decimal: the weighted mean of 响应率, 解决率 and 满意率. A rate with
 * nothing to measure that month drops out and the others' weights are scaled up to the whole (a
 * township whose cases were not rated yet is scored on its response alone); null when none is left.
 */
export function scoreOf(figures: Pick<MonthlyFigures, 'responseRate' | 'solveRate' | 'satisfactionRate'>, policy: RankingPolicy): number | null {
  const { response, solve, satisfaction } = policy.weights
  const parts: [number | null, number][] = [
    [figures.responseRate, response],
    [figures.solveRate, solve],
    [figures.satisfactionRate, satisfaction],
  ]
  let weighed = 0
  let weights = 0
  for (const [rate, weight] of parts) {
    if (rate === null || !(weight > 0)) continue
    weighed += rate * weight
    weights += weight
  }
  return weights === 0 ? null : Math.round((weighed / weights) * 1000) / 10
}

/**
 * Rows in rank order with their rank: the highest score first, rank 1; equal scores share a rank and
 * the next rank skips (1, 1, 3); rows without a score come last, all sharing the rank after the
 * scored ones. Among equals `tieBreak` orders the rows (the rank stays shared).
 */
export function rankByScore<T extends { score: number | null }>(rows: readonly T[], tieBreak: (a: T, b: T) => number): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.score !== b.score) {
      if (a.score === null) return 1
      if (b.score === null) return -1
      return b.score - a.score
    }
    return tieBreak(a, b)
  })
  const scored = sorted.filter((row) => row.score !== null).length
  let rank = 0
  return sorted.map((row, i) => {
    if (row.score === null) return { ...row, rank: scored + 1 }
    if (i === 0 || sorted[i - 1]!.score !== row.score) rank = i + 1
    return { ...row, rank }
  })
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000
}
