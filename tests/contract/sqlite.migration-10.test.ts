/**
 * Migration 10 on a database that holds what was stored before identities were sealed: a case, its
 * timeline, a message, credits, a contact with a plain address, a named reporter's audit line, all as
 * the adapter used to write them (and the WAL holding them, as a running host leaves it). After it,
 * everything reads back the same and is found by openid, and no byte of the database, its WAL or
 * its shared-memory file holds her openid or her address: secure_delete zeroed the old copies, the
 * checkpoint emptied the log.
 */
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MIGRATIONS } from '../../cloudfunctions/_shared/adapters/sqlite/migrations'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { T0, aPerson, hoursAfter, step } from '../unit/domain/case.builders'
import { submitted } from './store.cases.contract'
import { aMessage } from './store.messages.contract'

const HER = 'o-legacy-reporter-90ab'
const ADDRESS = '蒲河村三组十二号院'
const cipher = aesGcmCipher(DEV_KEY)

const bytes = (file: string) =>
  Buffer.concat(['', '-wal', '-shm'].map((suffix) => (existsSync(file + suffix) ? readFileSync(file + suffix) : Buffer.alloc(0))))

test('seals every stored identity and encrypts addresses, leaving no plain copy in the files', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'migrate-10-')), 'old.sqlite')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  for (const m of MIGRATIONS.filter((m) => m.version <= 9)) db.exec(m.sql)
  db.pragma('user_version = 9')
  const h0 = submitted('case-old', { reporter: HER })
  const h = step(h0, { type: 'WithdrawCase', at: hoursAfter(h0.at, 1), actor: aPerson(HER) })
  db.prepare(
    `INSERT INTO cases (id, version, status, holder_org_id, reporter_openid, client_request_id, due_at, updated_at, state)
     VALUES (?, 2, ?, ?, ?, 'req-old', NULL, ?, ?)`,
  ).run(h.state.id, h.state.status, h.state.holderOrgId, HER, h.state.updatedAt, JSON.stringify(h.state))
  h.events.forEach((event, i) =>
    db.prepare('INSERT INTO case_events (case_id, seq, type, at, event) VALUES (?, ?, ?, ?, ?)').run('case-old', i + 1, event.type, event.at, JSON.stringify(event)),
  )
  const message = aMessage('m-old', { openid: HER, dedupeKey: `case-old@1.0:${HER}:case_received`, caseId: 'case-old' })
  db.prepare(
    `INSERT INTO messages (id, dedupe_key, openid, status, next_attempt_at, created_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(message.id, message.dedupeKey, HER, message.status, message.nextAttemptAt, message.createdAt, JSON.stringify(message))
  db.prepare('INSERT INTO credits (openid, template_id, count) VALUES (?, ?, ?)').run(HER, 'tpl-progress', 2)
  db.prepare('INSERT INTO contacts (case_id, doc) VALUES (?, ?)').run('case-old', JSON.stringify({ caseId: 'case-old', address: ADDRESS, createdAt: T0 }))
  const audit = { id: 'a-old', at: T0, actorOpenid: HER, actorRole: 'resident', action: 'case.CaseSubmitted', orgId: 'v', orgPath: ['p'], targetType: 'case', targetId: 'case-old', summary: '提交反映' }
  db.prepare('INSERT INTO audit (id, at, path_key, doc) VALUES (?, ?, ?, ?)').run('a-old', T0, '/p/', JSON.stringify(audit))
  expect(bytes(file).includes(HER)).toBe(true)
  db.close()

  const store = openSqliteStore(file, cipher)
  try {
    expect(await store.cases.get('case-old')).toEqual({ state: h.state, version: 2 })
    expect(await store.cases.timeline('case-old')).toEqual(h.events)
    expect((await store.cases.reportedBy(HER, 10)).map((s) => s.id)).toEqual(['case-old'])
    expect(await store.cases.byRequest(HER, 'req-old')).toBe('case-old')
    expect(await store.messages.forRecipient(HER, 10)).toEqual([message])
    expect(await store.messages.add([{ ...message, id: 'm-again' }])).toBe(0)
    expect(await store.credits.balance(HER)).toEqual({ 'tpl-progress': 2 })
    const contact = await store.contacts.get('case-old')
    expect(contact?.address).toBeUndefined()
    expect(cipher.decrypt(contact!.addressCipher!)).toBe(ADDRESS)
    expect((await store.audit.inSubtree(['p'], 10))[0]?.actorOpenid).toBeNull()

    const stored = bytes(file)
    expect(stored.includes(HER)).toBe(false)
    expect(stored.includes(Buffer.from(ADDRESS, 'utf8'))).toBe(false)
  } finally {
    await store.close()
  }
})
