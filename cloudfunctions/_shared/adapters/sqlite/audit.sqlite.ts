/** The audit log on SQLite: a subtree is the key range of its path prefix, newest first. */
import type Database from 'better-sqlite3'
import type { AuditEntry, AuditRepository } from '../../ports/store.port'
import { pathKey, subtreeRange } from '../audit.index'
import { docsOf } from './json-doc'

export function sqliteAudit(db: Database.Database): AuditRepository {
  const insert = db.prepare('INSERT OR IGNORE INTO audit (id, at, path_key, doc) VALUES (?, ?, ?, ?)')
  const page = db.prepare<[string, string, number], { doc: string }>(
    'SELECT doc FROM audit WHERE path_key >= ? AND path_key < ? ORDER BY at DESC, id DESC LIMIT ?',
  )
  const pageBefore = db.prepare<[string, string, string, string, string, number], { doc: string }>(
    `SELECT doc FROM audit WHERE path_key >= ? AND path_key < ? AND (at < ? OR (at = ? AND id < ?))
     ORDER BY at DESC, id DESC LIMIT ?`,
  )
  return {
    add: async (entries) => {
      for (const e of entries) insert.run(e.id, e.at, pathKey(e.orgPath), JSON.stringify(e))
    },
    inSubtree: async (orgPath, limit, before) => {
      const { from, to } = subtreeRange(orgPath)
      const rows = before ? pageBefore.all(from, to, before.at, before.at, before.id, limit) : page.all(from, to, limit)
      return docsOf<AuditEntry>(rows)
    },
  }
}
