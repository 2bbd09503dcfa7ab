/** A deliberation's comments on SQLite. */
import type Database from 'better-sqlite3'
import type { DeliberationComment } from '../../domain/deliberation.state'
import type { CommentRepository } from '../../ports/store.port'
import { docsOf } from './json-doc'

export function sqliteComments(db: Database.Database): CommentRepository {
  const stmt = {
    add: db.prepare('INSERT INTO deliberation_comments (id, deliberation_id, at, doc) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING'),
    latest: db.prepare<[string, number], { doc: string }>(
      'SELECT doc FROM deliberation_comments WHERE deliberation_id = ? ORDER BY at DESC, id DESC LIMIT ?',
    ),
  }
  return {
    add: async (comment) => {
      stmt.add.run(comment.id, comment.deliberationId, comment.at, JSON.stringify(comment))
    },
    latest: async (deliberationId, limit) => docsOf<DeliberationComment>(stmt.latest.all(deliberationId, limit)).reverse(),
  }
}
