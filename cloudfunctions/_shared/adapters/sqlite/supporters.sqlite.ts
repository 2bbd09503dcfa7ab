/**
 * Who follows a case on SQLite: one row per (case, person tag) with her openid sealed
 * (sealed-identity.ts), found by case (its messages) and by person (我的反映).
 */
import type Database from 'better-sqlite3'
import type { SupporterRepository } from '../../ports/store.port'
import type { IdentitySeal } from '../sealed-identity'

export function sqliteSupporters(db: Database.Database, seal: IdentitySeal): SupporterRepository {
  const stmt = {
    add: db.prepare('INSERT OR IGNORE INTO case_supporters (case_id, person_tag, sealed, at) VALUES (?, ?, ?, ?)'),
    has: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM case_supporters WHERE case_id = ? AND person_tag = ?'),
    ofCase: db.prepare<[string, number], { sealed: string }>(
      'SELECT sealed FROM case_supporters WHERE case_id = ? ORDER BY at, person_tag LIMIT ?',
    ),
    followedBy: db.prepare<[string, number], { case_id: string; at: string }>(
      'SELECT case_id, at FROM case_supporters WHERE person_tag = ? ORDER BY at DESC, case_id DESC LIMIT ?',
    ),
  }
  return {
    add: async (caseId, openid, at) => stmt.add.run(caseId, seal.person(openid), seal.seal(openid), at).changes > 0,
    has: async (caseId, openid) => stmt.has.get(caseId, seal.person(openid)) !== undefined,
    ofCase: async (caseId, limit) => stmt.ofCase.all(caseId, limit).map((row) => seal.open(row.sealed)),
    followedBy: async (openid, limit) => stmt.followedBy.all(seal.person(openid), limit).map((row) => ({ caseId: row.case_id, at: row.at })),
  }
}
