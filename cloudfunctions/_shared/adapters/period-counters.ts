/**
 * What both Store adapters share about counters per (org, period) (sqlite/counters.sqlite.ts,
 * cloudbase/counters.cloudbase.ts): rows for one (org, period) are merged before writing, so each
 * set is written once per change.
 */
import type { PeriodDelta } from '../domain/hotspot.rule'

/** The rows with the same (org, period) summed into one, zeros left out, in first-seen order. */
export function mergePeriodRows(rows: readonly PeriodDelta[]): PeriodDelta[] {
  const merged = new Map<string, PeriodDelta>()
  for (const row of rows) {
    const key = periodSetId(row.orgId, row.period)
    const into = merged.get(key) ?? { orgId: row.orgId, period: row.period, deltas: {} }
    for (const [k, n] of Object.entries(row.deltas)) if (n) into.deltas[k] = (into.deltas[k] ?? 0) + n
    merged.set(key, into)
  }
  return [...merged.values()].filter((row) => Object.values(row.deltas).some((n) => n !== 0))
}

/**
 * One (org, period) set's document id: the period first. A period ("2026-11", "2026-11-30") never
 * holds a colon, so the first colon splits the id whatever the org id holds.
 */
export const periodSetId = (orgId: string, period: string) => `${period}:${orgId}`
