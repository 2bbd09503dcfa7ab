/** Subscription credits on SQLite: one counter per (openid, template). */
import type Database from 'better-sqlite3'
import type { CreditRepository } from '../../ports/store.port'

export function sqliteCredits(db: Database.Database): CreditRepository {
  const stmt = {
    balance: db.prepare<[string], { template_id: string; count: number }>('SELECT template_id, count FROM credits WHERE openid = ?'),
    grant: db.prepare(
      `INSERT INTO credits (openid, template_id, count) VALUES (?, ?, ?)
       ON CONFLICT(openid, template_id) DO UPDATE SET count = count + excluded.count`,
    ),
    take: db.prepare('UPDATE credits SET count = count - 1 WHERE openid = ? AND template_id = ? AND count > 0'),
    clear: db.prepare('UPDATE credits SET count = 0 WHERE openid = ? AND template_id = ?'),
  }
  return {
    balance: async (openid) => Object.fromEntries(stmt.balance.all(openid).map((r) => [r.template_id, r.count])),
    grant: async (openid, templateId, count) => {
      stmt.grant.run(openid, templateId, count)
    },
    take: async (openid, templateId) => stmt.take.run(openid, templateId).changes === 1,
    clear: async (openid, templateId) => {
      stmt.clear.run(openid, templateId)
    },
  }
}
