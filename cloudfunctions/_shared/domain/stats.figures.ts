/**
 * From an org's counters to the figures the dashboard shows (types/stats.contract.ts). Rates are
 * 0..1, rounded to 4 places; null when nothing was there to measure (a 0 would claim a bad result).
 */
import { CASE_STATUSES, CATEGORIES, LEVELS } from '../../../types/enums'
import type { StatsFigures } from '../../../types/stats.contract'
import type { CounterKey, Counters } from './stats.counters'

export function statsFigures(counters: Counters): StatsFigures {
  const n = (key: CounterKey) => counters[key] ?? 0
  const resolutions = resolutionsOf(counters)
  return {
    cases: {
      total: n('cases'),
      byStatus: record(CASE_STATUSES, (s) => n(`status:${s}`)),
      byCategory: record(CATEGORIES, (c) => n(`category:${c}`)),
      resolvedAtLevel: record(LEVELS, (l) => n(`resolved:${l}`)),
    },
    onTimeRate: ratio(n('resolvedOnTime'), resolutions),
    satisfactionRate: ratio(n('satisfaction:satisfied') + n('satisfaction:basic'), n('ratings')),
    solveRate: ratio(n('solved:yes'), n('ratings')),
    avgHoursToResolve: resolutions === 0 ? null : round(n('resolveMinutes') / 60 / resolutions, 1),
    escalationRate: record(LEVELS, (l) => ratio(n(`escalated:${l}`), n(`arrived:${l}`))),
    deliberations: n('deliberations'),
    councils: n('councils'),
    members: n('members'),
  }
}

/** Cases with a resolution now: resolved, or closed after one (closing needs a resolution first). */
export const resolutionsOf = (counters: Counters): number =>
  LEVELS.reduce((sum, level) => sum + (counters[`resolved:${level}`] ?? 0), 0)

export const onTimeRateOf = (counters: Counters): number | null =>
  ratio(counters.resolvedOnTime ?? 0, resolutionsOf(counters))

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole, 4)
}

function round(value: number, places: number): number {
  const f = 10 ** places
  return Math.round(value * f) / f
}

function record<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>
}
