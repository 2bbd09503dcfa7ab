/**
 * Migration 6 on a database that already holds cases: each existing case is indexed under its chain,
 * so a subtree export finds cases stored before the migration too.
 */
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MIGRATIONS } from '../../cloudfunctions/_shared/adapters/sqlite/migrations'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { T0, aChain, aSubmittedCase } from '../unit/domain/case.builders'

test('indexes the cases stored before version 6 under every org of their chain', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'migrate-')), 'old.sqlite')
  const db = new Database(file)
  for (const m of MIGRATIONS.filter((m) => m.version <= 4)) db.exec(m.sql)
  db.pragma('user_version = 4')
  const old = aSubmittedCase({ caseId: 'case-old', at: T0, chain: aChain({ village: 'v-9' }) }).state
  db.prepare(
    `INSERT INTO cases (id, version, status, holder_org_id, reporter_openid, updated_at, state)
     VALUES (?, 1, 'pending', ?, ?, ?, ?)`,
  ).run(old.id, old.holderOrgId, old.reporter.openid, old.updatedAt, JSON.stringify(old))
  db.close()

  const store = openSqliteStore(file, aesGcmCipher(DEV_KEY))
  try {
    for (const orgId of Object.values(old.chain)) expect(await store.cases.inSubtree(orgId, 10)).toEqual([old])
    expect(await store.cases.inSubtree('v-other', 10)).toEqual([])
  } finally {
    await store.close()
  }
})
