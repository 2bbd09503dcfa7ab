/** Content checks of case photos on SQLite; `settle` is one conditional update, so a verdict is recorded once. */
import type Database from 'better-sqlite3'
import type { MediaCheckRecord, MediaCheckRepository } from '../../ports/store.port'
import { docOf, docsOf } from './json-doc'

export function sqliteMediaChecks(db: Database.Database): MediaCheckRepository {
  const stmt = {
    put: db.prepare(
      `INSERT INTO media_checks (trace_id, case_id, settled, doc) VALUES (@traceId, @caseId, @settled, @doc)
       ON CONFLICT(trace_id) DO UPDATE SET case_id = excluded.case_id, settled = excluded.settled, doc = excluded.doc`,
    ),
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM media_checks WHERE trace_id = ?'),
    settle: db.prepare(
      `UPDATE media_checks SET settled = 1, doc = json_patch(doc, @fields) WHERE trace_id = @traceId AND settled = 0`,
    ),
    ofCase: db.prepare<[string], { doc: string }>('SELECT doc FROM media_checks WHERE case_id = ? ORDER BY trace_id'),
  }
  return {
    put: async (check) => {
      stmt.put.run({ traceId: check.traceId, caseId: check.caseId, settled: check.verdict ? 1 : 0, doc: JSON.stringify(check) })
    },
    get: async (traceId) => docOf<MediaCheckRecord>(stmt.get.get(traceId)),
    settle: async (traceId, { verdict, label, at }) => {
      const fields = JSON.stringify({ verdict, ...(label !== undefined && { label }), settledAt: at })
      return stmt.settle.run({ traceId, fields }).changes === 1
    },
    ofCase: async (caseId) => docsOf<MediaCheckRecord>(stmt.ofCase.all(caseId)),
  }
}
