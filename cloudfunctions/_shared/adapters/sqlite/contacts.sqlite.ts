/** Reporter contact details on SQLite: one JSON document per case, deleted whole on purge. */
import type Database from 'better-sqlite3'
import type { ContactRecord, ContactRepository } from '../../ports/store.port'

export function sqliteContacts(db: Database.Database): ContactRepository {
  const stmt = {
    put: db.prepare(
      'INSERT INTO contacts (case_id, doc) VALUES (?, ?) ON CONFLICT(case_id) DO UPDATE SET doc = excluded.doc',
    ),
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM contacts WHERE case_id = ?'),
    remove: db.prepare('DELETE FROM contacts WHERE case_id = ?'),
  }
  return {
    put: async (contact) => {
      stmt.put.run(contact.caseId, JSON.stringify(contact))
    },
    get: async (caseId) => {
      const row = stmt.get.get(caseId)
      return row ? (JSON.parse(row.doc) as ContactRecord) : null
    },
    remove: async (caseId) => {
      stmt.remove.run(caseId)
    },
  }
}
