/** Ballots on SQLite: one row per (deliberation, voter), the ballot as a JSON document. */
import type Database from 'better-sqlite3'
import type { Ballot } from '../../domain/deliberation.state'
import type { BallotRepository } from '../../ports/store.port'
import { docOf, docsOf } from './json-doc'

export function sqliteBallots(db: Database.Database): BallotRepository {
  const stmt = {
    get: db.prepare<[string, string], { doc: string }>('SELECT doc FROM ballots WHERE deliberation_id = ? AND voter_openid = ?'),
    put: db.prepare(
      `INSERT INTO ballots (deliberation_id, voter_openid, doc) VALUES (?, ?, ?)
       ON CONFLICT(deliberation_id, voter_openid) DO UPDATE SET doc = excluded.doc`,
    ),
    of: db.prepare<[string], { doc: string }>('SELECT doc FROM ballots WHERE deliberation_id = ? ORDER BY voter_openid'),
  }
  return {
    get: async (deliberationId, voterOpenid) => docOf<Ballot>(stmt.get.get(deliberationId, voterOpenid)),
    put: async (ballot) => {
      stmt.put.run(ballot.deliberationId, ballot.voterOpenid, JSON.stringify(ballot))
    },
    of: async (deliberationId) => docsOf<Ballot>(stmt.of.all(deliberationId)),
  }
}
