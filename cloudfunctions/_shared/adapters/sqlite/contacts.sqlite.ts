/** Reporter contact details on SQLite: one JSON document per case, deleted whole on purge. */
import type Database from 'better-sqlite3'
import type { ContactRecord, ContactRepository } from '../../ports/store.port'
import { docOf } from './json-doc'

export function sqliteContacts(db: Database.Database): ContactRepository {
  const stmt = {
    put: db.prepare(
      'INSERT INTO contacts (case_id, doc) VALUES (?, ?) ON CONFLICT(case_id) DO UPDATE SET doc = excluded.doc',
    ),
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM contacts WHERE case_id = ?'),
    remove: db.prepare('DELETE FROM contacts WHERE case_id = ?'),
    schedule: db.prepare('UPDATE contacts SET purge_after = ? WHERE case_id = ?'),
    due: db.prepare<[string, number], { case_id: string }>(
      'SELECT case_id FROM contacts WHERE purge_after IS NOT NULL AND purge_after <= ? ORDER BY purge_after LIMIT ?',
    ),
  }
  return {
    put: async (contact) => {
      stmt.put.run(contact.caseId, JSON.stringify(contact))
    },
    get: async (caseId) => docOf<ContactRecord>(stmt.get.get(caseId)),
    remove: async (caseId) => {
      stmt.remove.run(caseId)
    },
    schedulePurge: async (caseId, purgeAfter) => {
      stmt.schedule.run(purgeAfter, caseId)
    },
    duePurge: async (now, limit) => stmt.due.all(now, limit).map((row) => row.case_id),
  }
}
