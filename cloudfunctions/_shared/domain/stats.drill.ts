/**
 * 数据看板's range and drill-down (stats.trend, stats.cases): which cases stand behind a figure, which
 * submission instants a range of China-time months covers, where a page of them resumes, and a range's
 * figures from its monthly counters. docs/RULES.md "Statistics" ("Trend and drill-down").
 *
 * A figure is one facet of a case, the same one the counters count it under (stats.counters.ts
 * `standing`): its status now, its category, the level of its final resolution (resolved:<level>),
 * or 超期未办结 (still open, and late somewhere on its way). Each Store adapter indexes a case's
 * subtree rows by these values (adapters/case.index.ts drillIndexOf), so a page of one facet is one
 * range of one index, never a scan of the subtree.
 */
import type { CaseStatus, Category, Level } from '../../../types/enums'
import type { DrillFilter, TrendFigures, TrendMonth } from '../../../types/stats.contract'
import { isOpen, type CaseState } from './case.state'
import { dayStart, nextMonth, type ChinaMonth } from './china-calendar'
import type { MonthlyCounters, MonthlyKey } from './stats.counters'
import { monthlyFigures } from './stats.ranking'

export type CaseFacet =
  | { kind: 'status'; status: CaseStatus }
  | { kind: 'category'; category: Category }
  | { kind: 'resolvedAt'; level: Level }
  | { kind: 'overdue' }

/** Every facet a filter names, in the contract's order (DRILL_FACETS); the contract allows one. */
export function facetsNamed(filter: Omit<DrillFilter, 'from' | 'to'>): CaseFacet[] {
  const out: CaseFacet[] = []
  if (filter.status !== undefined) out.push({ kind: 'status', status: filter.status })
  if (filter.category !== undefined) out.push({ kind: 'category', category: filter.category })
  if (filter.level !== undefined) out.push({ kind: 'resolvedAt', level: filter.level })
  if (filter.overdue === true) out.push({ kind: 'overdue' })
  return out
}

/** The facet a (valid) filter names, or null for every case of the subtree. */
export const facetOf = (filter: Omit<DrillFilter, 'from' | 'to'>): CaseFacet | null => facetsNamed(filter)[0] ?? null

/**
 * 超期未办结: still being handled (pending or in progress) and it missed a deadline somewhere on its
 * way (an automatic escalation or a province flag). It stays so until it is resolved or withdrawn:
 * a late case is late even after it reached a level with fresh deadlines.
 */
export const isLateOpen = (state: Pick<CaseState, 'status' | 'missedDeadlines' | 'overdue'>): boolean =>
  isOpen(state.status) && ((state.missedDeadlines ?? 0) > 0 || state.overdue.accept || state.overdue.resolve)

/** Whether the case stands behind the facet's figure now. */
export function facetHolds(state: CaseState, facet: CaseFacet | null): boolean {
  if (facet === null) return true
  switch (facet.kind) {
    case 'status':
      return state.status === facet.status
    case 'category':
      return state.category === facet.category
    case 'resolvedAt':
      // A case with an outcome is resolved or closed (a reopening drops it), as resolved:<level> counts.
      return state.outcome?.level === facet.level
    case 'overdue':
      return isLateOpen(state)
  }
}

/** Submission instants (toISOString form) of a month range: from the first month's 1st 00:00 China time, to the next month after the last. */
export function monthRange(from?: ChinaMonth, to?: ChinaMonth): { from?: string; to?: string } {
  return {
    ...(from !== undefined && { from: dayStart(`${from}-01`) }),
    ...(to !== undefined && { to: dayStart(`${nextMonth(to)}-01`) }),
  }
}

/** Every month from `from` to `to`, both counted, oldest first ([] when from > to). */
export function monthsFrom(from: ChinaMonth, to: ChinaMonth): ChinaMonth[] {
  const out: ChinaMonth[] = []
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m)
  return out
}

/** Where a page of the drill-down resumes: after this case, in newest-first order. */
export interface DrillCursor {
  submittedAt: string
  id: string
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** The page's `next`: opaque to the app, read back by parseCursor. */
export const cursorOf = (c: DrillCursor): string => `${c.submittedAt}~${c.id}`

/** The cursor an answer gave, or null for anything else (the app may not make one up). */
export function parseCursor(text: string): DrillCursor | null {
  const cut = text.indexOf('~')
  if (cut < 0) return null
  const submittedAt = text.slice(0, cut)
  const id = text.slice(cut + 1)
  return ISO.test(submittedAt) && id.length > 0 && id.length <= 64 ? { submittedAt, id } : null
}

/** A month's counters (or a range's, summed) as the trend shows them. */
export function trendFigures(counters: MonthlyCounters): TrendFigures {
  const n = (key: MonthlyKey) => counters[key] ?? 0
  const { cases, responseRate, solveRate, satisfactionRate, onTimeRate } = monthlyFigures(counters)
  return { submitted: cases, accepted: n('accepted'), resolved: n('resolved'), ratings: n('ratings'), satisfactionRate, solveRate, onTimeRate, responseRate }
}

/** Counter sets added up: a range's rates are its sums' ratios, never a mean of monthly rates. */
export function sumCounters(sets: readonly MonthlyCounters[]): MonthlyCounters {
  const out: MonthlyCounters = {}
  for (const set of sets) for (const [key, n] of Object.entries(set) as [MonthlyKey, number][]) out[key] = (out[key] ?? 0) + n
  return out
}

/** The trend of `months` from their sets (in the same order), and the range's total. */
export function trendOf(months: readonly ChinaMonth[], sets: readonly MonthlyCounters[]): { months: TrendMonth[]; total: TrendFigures } {
  return {
    months: months.map((month, i) => ({ month, ...trendFigures(sets[i] ?? {}) })),
    total: trendFigures(sumCounters(sets)),
  }
}
