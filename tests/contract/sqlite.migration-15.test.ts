/**
 * Migration 15 on a database that already holds cases: each case's chain rows learn what a dashboard
 * figure picks it by, so the cases behind a figure include those stored before the migration.
 */
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MIGRATIONS } from '../../cloudfunctions/_shared/adapters/sqlite/migrations'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { T0, aCase, aSubmittedCase, hoursAfter, step } from '../unit/domain/case.builders'

test('indexes the cases stored before version 15 by status, category, resolution level and 超期未办结', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'migrate-')), 'old.sqlite')
  const db = new Database(file)
  for (const m of MIGRATIONS.filter((m) => m.version <= 4)) db.exec(m.sql)
  db.pragma('user_version = 4')
  const resolved = aCase({ submit: { caseId: 'case-resolved', at: T0, category: 'property' }, level: 'township', status: 'resolved' }).state
  const lapsed = aSubmittedCase({ caseId: 'case-late', at: hoursAfter(T0, 1) })
  const late = step(lapsed, { type: 'MissDeadline', at: hoursAfter(T0, 26), actor: 'system' }).state
  const insert = db.prepare(
    `INSERT INTO cases (id, version, status, holder_org_id, reporter_openid, updated_at, state) VALUES (?, 1, ?, ?, ?, ?, ?)`,
  )
  for (const s of [resolved, late]) insert.run(s.id, s.status, s.holderOrgId, s.reporter.openid, s.updatedAt, JSON.stringify(s))
  db.close()

  const store = openSqliteStore(file, aesGcmCipher(DEV_KEY))
  try {
    const ids = async (facet: Parameters<typeof store.cases.newestInSubtree>[1]) =>
      (await store.cases.newestInSubtree(resolved.chain.province, facet, 10)).map((s) => s.id)
    expect(await ids(null)).toEqual(['case-late', 'case-resolved'])
    expect(await ids({ kind: 'status', status: 'resolved' })).toEqual(['case-resolved'])
    expect(await ids({ kind: 'status', status: 'pending' })).toEqual(['case-late'])
    expect(await ids({ kind: 'category', category: 'property' })).toEqual(['case-resolved'])
    expect(await ids({ kind: 'resolvedAt', level: 'township' })).toEqual(['case-resolved'])
    expect(await ids({ kind: 'resolvedAt', level: 'village' })).toEqual([])
    expect(await ids({ kind: 'overdue' })).toEqual(['case-late'])
  } finally {
    await store.close()
  }
})
