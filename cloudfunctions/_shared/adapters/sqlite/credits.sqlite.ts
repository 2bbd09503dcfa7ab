/**
 * Subscription credits on SQLite: one counter per (person, template). The person is her tag
 * (sealed-identity.ts): credits are only ever looked up, never listed by who holds them.
 */
import type Database from 'better-sqlite3'
import type { CreditRepository } from '../../ports/store.port'
import type { IdentitySeal } from '../sealed-identity'

export function sqliteCredits(db: Database.Database, seal: IdentitySeal): CreditRepository {
  const stmt = {
    balance: db.prepare<[string], { template_id: string; count: number }>('SELECT template_id, count FROM credits WHERE person_tag = ?'),
    grant: db.prepare(
      `INSERT INTO credits (person_tag, template_id, count) VALUES (?, ?, ?)
       ON CONFLICT(person_tag, template_id) DO UPDATE SET count = count + excluded.count`,
    ),
    take: db.prepare('UPDATE credits SET count = count - 1 WHERE person_tag = ? AND template_id = ? AND count > 0'),
    clear: db.prepare('UPDATE credits SET count = 0 WHERE person_tag = ? AND template_id = ?'),
  }
  const who = seal.person
  return {
    balance: async (openid) => Object.fromEntries(stmt.balance.all(who(openid)).map((r) => [r.template_id, r.count])),
    grant: async (openid, templateId, count) => {
      stmt.grant.run(who(openid), templateId, count)
    },
    take: async (openid, templateId) => stmt.take.run(who(openid), templateId).changes === 1,
    clear: async (openid, templateId) => {
      stmt.clear.run(who(openid), templateId)
    },
  }
}
