/** Migration 12 on a database that already holds people: each reads as having published no number. */
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MIGRATIONS } from '../../cloudfunctions/_shared/adapters/sqlite/migrations'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'

test('a user stored before version 12 has no public phone, and keeps her name and home', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'migrate-')), 'old.sqlite')
  const db = new Database(file)
  for (const m of MIGRATIONS.filter((m) => m.version === 1)) db.exec(m.sql)
  db.pragma('user_version = 1')
  db.prepare('INSERT INTO users (openid, name, home_org_id) VALUES (?, ?, ?)').run('o-old', '王秀兰', 'v1')
  db.close()

  const store = openSqliteStore(file, aesGcmCipher(DEV_KEY))
  try {
    expect(await store.people.getUser('o-old')).toEqual({ openid: 'o-old', name: '王秀兰', homeOrgId: 'v1', publicPhone: null })
  } finally {
    await store.close()
  }
})
