/** Deliberations on SQLite: the state as a JSON document, what queries filter on as columns. */
import type Database from 'better-sqlite3'
import type { DeliberationState } from '../../domain/deliberation.state'
import { VersionConflict, type DeliberationRepository, type DueCursor } from '../../ports/store.port'
import { deliberationIndexOf } from '../deliberation.index'
import { marks, prepared } from './prepared'

type Row = { version: number; state: string }
type DueRow = { id: string; due_at: string }

/**
 * Its index (deliberation.index.ts) as columns: `due_at` is set only while it is open, so the due
 * job's partial index holds only those.
 */
const columns = (state: DeliberationState) => ({ id: state.id, ...deliberationIndexOf(state), state: JSON.stringify(state) })

export function sqliteDeliberations(db: Database.Database): DeliberationRepository {
  const stmt = {
    get: db.prepare<[string], Row>('SELECT version, state FROM deliberations WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO deliberations (id, version, org_id, status, opened_at, due_at, case_id, state)
       VALUES (@id, 1, @orgId, @status, @openedAt, @dueAt, @caseId, @state) ON CONFLICT DO NOTHING`,
    ),
    update: db.prepare(
      `UPDATE deliberations SET version = version + 1, status = @status, due_at = @dueAt, state = @state
       WHERE id = @id AND version = @expectedVersion`,
    ),
    // From the start, the cursor is ('', ''): before any deliberation.
    due: db.prepare<[string, string, string, number], DueRow>(
      `SELECT id, due_at FROM deliberations WHERE due_at IS NOT NULL AND due_at <= ?
         AND (due_at, id) > (?, ?) ORDER BY due_at, id LIMIT ?`,
    ),
  }

  return {
    get: async (id) => {
      const row = stmt.get.get(id)
      return row ? { state: JSON.parse(row.state) as DeliberationState, version: row.version } : null
    },
    create: async (state) => stmt.insert.run(columns(state)).changes === 1,
    update: async (state, expectedVersion) => {
      if (stmt.update.run({ ...columns(state), expectedVersion }).changes !== 1) throw new VersionConflict(state.id)
    },
    ofOrgs: async (orgIds, status, limit) => {
      if (orgIds.length === 0) return []
      const statusFilter = status ? 'AND status = ?' : ''
      const rows = prepared(db, `SELECT state FROM deliberations WHERE org_id IN (${marks(orgIds.length)}) ${statusFilter} ORDER BY opened_at DESC, id DESC LIMIT ?`)
        .all(...orgIds, ...(status ? [status] : []), limit) as { state: string }[]
      return rows.map((row) => JSON.parse(row.state) as DeliberationState)
    },
    due: async (now, limit, after?: DueCursor) =>
      stmt.due.all(now, after?.dueAt ?? '', after?.id ?? '', limit).map((row) => ({ id: row.id, dueAt: row.due_at })),
  }
}
