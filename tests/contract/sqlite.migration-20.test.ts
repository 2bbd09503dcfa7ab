/**
 * Migration 20 on a database indexed as version 19 left it: 超期未办结 becomes a partial index of the
 * chain rows that are late, and the drill-down's query for it is answered from that index alone.
 */
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'

const indexesOf = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case_orgs' ORDER BY name").all() as { name: string }[]).map((r) => r.name)

test('replaces the full 超期未办结 index by one of the late rows, which the overdue drill-down uses', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'migrate-')), 'old.sqlite')
  await openSqliteStore(file).close()
  // As version 19 left it.
  const old = new Database(file)
  old.exec('DROP INDEX case_orgs_late; CREATE INDEX case_orgs_by_late_open ON case_orgs(org_id, late_open, submitted_at, case_id)')
  old.pragma('user_version = 19')
  old.close()

  await openSqliteStore(file).close()
  const db = new Database(file, { readonly: true })
  try {
    expect(indexesOf(db)).toContain('case_orgs_late')
    expect(indexesOf(db)).not.toContain('case_orgs_by_late_open')
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT case_id FROM case_orgs WHERE org_id = ? AND late_open = 1 AND submitted_at >= ? AND submitted_at < ?
         ORDER BY submitted_at DESC, case_id DESC LIMIT 20`,
      )
      .all('210000', '2026-01-01', '2027-01-01') as { detail: string }[]
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/COVERING INDEX case_orgs_late/)
  } finally {
    db.close()
  }
})
