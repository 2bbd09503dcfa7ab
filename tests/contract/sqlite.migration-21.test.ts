/**
 * Migration 21 on a database that already holds deliberations: each is found by its next due instant
 * as the adapter now writes it (domain/deliberation.timers.ts) — one owed its reminder at the
 * reminder's time, a reminded one at its deadline, a closed one never.
 */
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MIGRATIONS } from '../../cloudfunctions/_shared/adapters/sqlite/migrations'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { nextDeliberationDue, type DeliberationState } from '../../cloudfunctions/_shared/domain'
import { Council, T0, hoursAfter } from '../unit/domain/deliberation.builders'

function aStored(id: string, then?: (council: Council) => void): DeliberationState {
  const council = new Council({ deliberationId: id, closesAt: hoursAfter(T0, 72) })
  then?.(council)
  return council.state
}

test('finds the deliberations stored before version 21 by their next due instant', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'migrate-')), 'old.sqlite')
  const db = new Database(file)
  // The rows rewrites of earlier versions (sealing, dedupe keys) have no rows to rewrite here.
  for (const m of MIGRATIONS.filter((m) => m.version <= 20)) db.exec(m.sql)
  db.pragma('user_version = 20')
  const owed = aStored('d-owed')
  const reminded = aStored('d-reminded', (c) => c.try(() => ({ type: 'RemindVoters', at: c.state.remindAt, actor: 'system' })))
  const closed = aStored('d-closed', (c) => c.close())
  // As version 20 stored them: the deadline, and the reminder instant while one was owed.
  const insert = db.prepare(
    `INSERT INTO deliberations (id, version, org_id, status, opened_at, closes_at, remind_due_at, case_id, state) VALUES (?, 1, ?, ?, ?, ?, ?, NULL, ?)`,
  )
  for (const s of [owed, reminded, closed]) {
    const remindDueAt = s.status === 'open' && s.remindedAt === undefined ? s.remindAt : null
    insert.run(s.id, s.orgId, s.status, s.openedAt, s.closesAt, remindDueAt, JSON.stringify(s))
  }
  db.close()

  const store = openSqliteStore(file, aesGcmCipher(DEV_KEY))
  try {
    const dueIds = async (at: string) => (await store.deliberations.due(at, 10)).map((d) => d.id)
    expect(await dueIds(hoursAfter(owed.remindAt, -1))).toEqual([])
    expect(await store.deliberations.due(owed.remindAt, 10)).toEqual([{ id: 'd-owed', dueAt: nextDeliberationDue(owed) }])
    expect(await dueIds(owed.closesAt)).toEqual(['d-owed', 'd-reminded'])
    // Written after the migration, the same deliberation is found the same way.
    await store.deliberations.update(reminded, 1)
    expect(await dueIds(owed.closesAt)).toEqual(['d-owed', 'd-reminded'])
  } finally {
    await store.close()
  }
})
