/**
 * Migration 20 on a database indexed as version 19 left it: 超期未办结 becomes a partial index of the
 * chain rows that are late, and the drill-down's query for it is answered from that index alone.
 */
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { newestInSubtreeSql } from '../../cloudfunctions/_shared/adapters/sqlite/cases.sqlite'

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
    // The adapter's own statement for the facet (cases.sqlite.ts).
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${newestInSubtreeSql('late_open = 1')}`)
      .all('210000', '2026-01-01', '2027-01-01', '2027-01-01', '', 20) as { detail: string }[]
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/COVERING INDEX case_orgs_late/)
  } finally {
    db.close()
  }
})
