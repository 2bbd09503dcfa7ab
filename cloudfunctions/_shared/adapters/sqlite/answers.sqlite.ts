/** Standard answers on SQLite: the record as a document, beside the columns an org's list reads by. */
import type Database from 'better-sqlite3'
import type { AnswerRecord, AnswerRepository } from '../../ports/store.port'
import { docOf, docsOf } from './json-doc'

export function sqliteAnswers(db: Database.Database): AnswerRepository {
  const stmt = {
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM answers WHERE id = ?'),
    put: db.prepare(
      `INSERT INTO answers (id, org_id, retired, updated_at, doc) VALUES (@id, @orgId, @retired, @updatedAt, @doc)
       ON CONFLICT(id) DO UPDATE SET org_id = excluded.org_id, retired = excluded.retired, updated_at = excluded.updated_at, doc = excluded.doc`,
    ),
    // `retired <= ?`: 0 reads the live ones, 1 all of them, by the same index.
    ofOrg: db.prepare<[string, number, number], { doc: string }>(
      'SELECT doc FROM answers WHERE org_id = ? AND retired <= ? ORDER BY updated_at DESC, id DESC LIMIT ?',
    ),
  }
  return {
    get: async (id) => docOf<AnswerRecord>(stmt.get.get(id)),
    put: async (answer) => {
      stmt.put.run({ id: answer.id, orgId: answer.orgId, retired: answer.retired ? 1 : 0, updatedAt: answer.updatedAt, doc: JSON.stringify(answer) })
    },
    ofOrg: async (orgId, { includeRetired, limit }) => docsOf<AnswerRecord>(stmt.ofOrg.all(orgId, includeRetired ? 1 : 0, limit)),
  }
}
