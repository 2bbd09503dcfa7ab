/**
 * The write limit's counts on SQLite: one row per (window, key). Taking is one upsert that adds one
 * only below the limit, so two hosts on one data folder (two connections) count exactly: SQLite runs
 * one writer at a time.
 */
import type Database from 'better-sqlite3'
import type { WriteCountRepository } from '../../ports/store.port'

export function sqliteWriteCounts(db: Database.Database): WriteCountRepository {
  const stmt = {
    take: db.prepare<[string, string, number]>(
      `INSERT INTO write_counts (window_start, key, count) VALUES (?, ?, 1)
       ON CONFLICT(window_start, key) DO UPDATE SET count = count + 1 WHERE count < ?`,
    ),
    forget: db.prepare<[string]>('DELETE FROM write_counts WHERE window_start < ?'),
  }
  return {
    take: async (key, windowStart, max) => max > 0 && stmt.take.run(windowStart, key, max).changes === 1,
    forgetBefore: async (windowStart) => stmt.forget.run(windowStart).changes,
  }
}
