/**
 * Statistics counters on SQLite: one row per (org, key), added to by upsert; a period's counters one
 * row per (org, period, key) in their own table.
 */
import type Database from 'better-sqlite3'
import type { CounterRepository } from '../../ports/store.port'
import { ratingCountersAsToday } from '../legacy-rating'
import { mergePeriodRows } from '../period-counters'

export function sqliteCounters(db: Database.Database): CounterRepository {
  const get = db.prepare<[string], { key: string; value: number }>('SELECT key, value FROM counters WHERE org_id = ?')
  // One statement for every (org, key) of a change: a submission touches ~20 rows, and one multi-row
  // upsert costs about half of twenty single ones. Prepared once per row count, which varies little.
  const upserts = new Map<number, Database.Statement>()
  const upsert = (rows: number) => {
    let stmt = upserts.get(rows)
    if (!stmt) {
      stmt = db.prepare(
        `INSERT INTO counters (org_id, key, value) VALUES ${Array(rows).fill('(?, ?, ?)').join(', ')}
         ON CONFLICT(org_id, key) DO UPDATE SET value = value + excluded.value`,
      )
      upserts.set(rows, stmt)
    }
    return stmt
  }
  const addPeriod = db.prepare<[string, string, string, number]>(
    `INSERT INTO period_counters (org_id, period, key, value) VALUES (?, ?, ?, ?)
     ON CONFLICT(org_id, period, key) DO UPDATE SET value = value + excluded.value`,
  )
  const ofPeriod = db.prepare<[string, string], { key: string; value: number }>(
    'SELECT key, value FROM period_counters WHERE org_id = ? AND period = ?',
  )
  const countersOf = (orgId: string) => ratingCountersAsToday(Object.fromEntries(get.all(orgId).map((row) => [row.key, row.value])))
  return {
    add: async (orgIds, deltas) => {
      const params: (string | number)[] = []
      for (const [key, delta] of Object.entries(deltas)) {
        if (delta) for (const orgId of orgIds) params.push(orgId, key, delta)
      }
      // One statement is atomic on its own, inside a store transaction or not.
      if (params.length > 0) upsert(params.length / 3).run(...params)
    },
    get: async (orgId) => countersOf(orgId),
    getMany: async (orgIds) => orgIds.map(countersOf),
    addInPeriods: async (rows) => {
      // Inside a store transaction these commit with it; alone, each row is one atomic statement.
      for (const { orgId, period, deltas } of mergePeriodRows(rows)) {
        for (const [key, delta] of Object.entries(deltas)) if (delta) addPeriod.run(orgId, period, key, delta)
      }
    },
    inPeriods: async (refs) => refs.map(({ orgId, period }) => Object.fromEntries(ofPeriod.all(orgId, period).map((row) => [row.key, row.value]))),
  }
}
