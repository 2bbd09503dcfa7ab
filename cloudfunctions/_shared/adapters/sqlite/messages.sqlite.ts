/** Messages (outbox rows and message-centre entries) on SQLite. */
import type Database from 'better-sqlite3'
import type { MessageRecord, MessageRepository } from '../../ports/store.port'

export function sqliteMessages(db: Database.Database): MessageRepository {
  const stmt = {
    insert: db.prepare(
      `INSERT INTO messages (id, dedupe_key, openid, status, next_attempt_at, created_at, doc)
       VALUES (@id, @dedupeKey, @openid, @status, @nextAttemptAt, @createdAt, @doc) ON CONFLICT DO NOTHING`,
    ),
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM messages WHERE id = ?'),
    duePending: db.prepare<[string, number], { doc: string }>(
      `SELECT doc FROM messages WHERE status IN ('pending', 'sending') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
    ),
    put: db.prepare('UPDATE messages SET status = @status, next_attempt_at = @nextAttemptAt, doc = @doc WHERE id = @id'),
    forRecipient: db.prepare<[string, number], { doc: string }>(
      'SELECT doc FROM messages WHERE openid = ? ORDER BY created_at DESC, id DESC LIMIT ?',
    ),
    all: db.prepare<[number], { doc: string }>('SELECT doc FROM messages ORDER BY created_at, id LIMIT ?'),
  }
  const parse = (row: { doc: string }) => JSON.parse(row.doc) as MessageRecord
  const params = (message: MessageRecord) => ({ ...message, doc: JSON.stringify(message) })

  return {
    add: async (messages) => {
      let stored = 0
      for (const message of messages) stored += stmt.insert.run(params(message)).changes
      return stored
    },
    get: async (id) => {
      const row = stmt.get.get(id)
      return row ? parse(row) : null
    },
    duePending: async (now, limit) => stmt.duePending.all(now, limit).map(parse),
    put: async (message) => {
      // The port replaces the delivery fields only; the rest of the stored message stays as added.
      const row = stmt.get.get(message.id)
      if (!row) return
      // An absent optional field is undefined here, so JSON drops the stored one: replaced, not merged.
      const { status, attempts, nextAttemptAt, sentAt, readAt, lastError } = message
      stmt.put.run(params({ ...parse(row), status, attempts, nextAttemptAt, sentAt, readAt, lastError }))
    },
    forRecipient: async (openid, limit) => stmt.forRecipient.all(openid, limit).map(parse),
    all: async (limit) => stmt.all.all(limit).map(parse),
  }
}
