/**
 * Migration 19 on a database that already holds messages: their dedupe guards take the form
 * message-dedupe.ts writes (led by the case id their key starts with), so a message stored before the
 * migration is still never stored twice after it; a key that starts with no id keeps its bare tag.
 */
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { identitySeal } from '../../cloudfunctions/_shared/adapters/sealed-identity'
import { aMessage } from './store.messages.contract'

const CASE = 'case_0190f3a2b4c5d6e7f8091a2b3c4d5e6f'
const caseKey = (openid: string) => `${CASE}@2.0:${openid}:case_escalated`

test('leads the dedupe guards stored before version 19 with their case id; a resend after it is still refused', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'migrate-')), 'old.sqlite')
  const cipher = aesGcmCipher(DEV_KEY)
  const seal = identitySeal(cipher)
  const before = openSqliteStore(file, cipher)
  await before.messages.add([
    aMessage('msg-1', { dedupeKey: caseKey('o-reporter'), caseId: CASE }),
    aMessage('msg-2', { dedupeKey: caseKey('o-cadre'), openid: 'o-cadre', caseId: CASE }),
    aMessage('msg-3', { dedupeKey: 'hotspot:k1:o-cadre:hotspot_alert', openid: 'o-cadre' }),
  ])
  await before.close()
  // As version 18 stored them: the bare tag of the key.
  const db = new Database(file)
  const keys = { 'msg-1': caseKey('o-reporter'), 'msg-2': caseKey('o-cadre'), 'msg-3': 'hotspot:k1:o-cadre:hotspot_alert' }
  for (const [id, key] of Object.entries(keys)) db.prepare('UPDATE messages SET dedupe_key = ? WHERE id = ?').run(seal.messageKey(key), id)
  db.pragma('user_version = 18')
  db.close()

  const store = openSqliteStore(file, cipher)
  try {
    const stored = new Database(file, { readonly: true })
    const guards = Object.fromEntries(
      (stored.prepare('SELECT id, dedupe_key FROM messages ORDER BY id').all() as { id: string; dedupe_key: string }[]).map((r) => [r.id, r.dedupe_key]),
    )
    stored.close()
    expect(guards).toEqual({
      'msg-1': `${CASE}.${seal.messageKey(keys['msg-1'])}`,
      'msg-2': `${CASE}.${seal.messageKey(keys['msg-2'])}`,
      'msg-3': seal.messageKey(keys['msg-3']),
    })
    // Nobody's openid in the clear: the guard holds only the case id and the tag.
    expect(Object.values(guards).join(' ')).not.toMatch(/o-reporter|o-cadre/)
    // The same messages again (a resend under new ids): none is stored.
    expect(
      await store.messages.add([
        aMessage('msg-4', { dedupeKey: caseKey('o-reporter'), caseId: CASE }),
        aMessage('msg-5', { dedupeKey: 'hotspot:k1:o-cadre:hotspot_alert', openid: 'o-cadre' }),
      ]),
    ).toBe(0)
    expect(await store.messages.add([aMessage('msg-6', { dedupeKey: caseKey('o-other'), openid: 'o-other', caseId: CASE })])).toBe(1)
    expect((await store.messages.get('msg-1'))?.dedupeKey).toBe(caseKey('o-reporter'))
  } finally {
    await store.close()
  }
})
