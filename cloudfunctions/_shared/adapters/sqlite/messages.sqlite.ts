/**
 * Messages (outbox rows and message-centre entries) on SQLite. The recipient is stored tagged
 * (`recipient_tag`, her message centre) and sealed in the document (delivery), the dedupe key (it names
 * her) only as its tag, led by the id it starts with (message-dedupe.ts): sealed-identity.ts.
 */
import type Database from 'better-sqlite3'
import type { MessageRecord, MessageRepository } from '../../ports/store.port'
import { openMessage, sealMessage, type IdentitySeal } from '../sealed-identity'
import { storedDedupeKey } from './message-dedupe'

export function sqliteMessages(db: Database.Database, seal: IdentitySeal): MessageRepository {
  const stmt = {
    insert: db.prepare(
      `INSERT INTO messages (id, dedupe_key, recipient_tag, status, next_attempt_at, created_at, doc)
       VALUES (@id, @dedupeKey, @recipientTag, @status, @nextAttemptAt, @createdAt, @doc) ON CONFLICT DO NOTHING`,
    ),
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM messages WHERE id = ?'),
    duePending: db.prepare<[string, number], { doc: string }>(
      `SELECT doc FROM messages WHERE status IN ('pending', 'sending') AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
    ),
    put: db.prepare('UPDATE messages SET status = @status, next_attempt_at = @nextAttemptAt, doc = @doc WHERE id = @id'),
    forRecipient: db.prepare<[string, number], { doc: string }>(
      'SELECT doc FROM messages WHERE recipient_tag = ? ORDER BY created_at DESC, id DESC LIMIT ?',
    ),
    all: db.prepare<[number], { doc: string }>('SELECT doc FROM messages ORDER BY created_at, id LIMIT ?'),
  }
  const parse = (row: { doc: string }) => openMessage(seal, JSON.parse(row.doc) as Record<string, unknown>)
  const stored = (message: MessageRecord) => JSON.stringify(sealMessage(seal, message))

  return {
    add: async (messages) => {
      let count = 0
      for (const message of messages) {
        const doc = sealMessage(seal, message)
        count += stmt.insert.run({
          id: message.id,
          dedupeKey: storedDedupeKey(seal, message.dedupeKey),
          // The document's tag: the same, not hashed twice.
          recipientTag: doc.recipientTag,
          status: message.status,
          nextAttemptAt: message.nextAttemptAt,
          createdAt: message.createdAt,
          doc: JSON.stringify(doc),
        }).changes
      }
      return count
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
      const next = { ...parse(row), status, attempts, nextAttemptAt, sentAt, readAt, lastError }
      stmt.put.run({ id: message.id, status, nextAttemptAt, doc: stored(next) })
    },
    // Read and written with no await between: nothing else runs on the connection in between.
    updateIf: async (id, expected, change) => {
      const row = stmt.get.get(id)
      if (!row) return false
      const current = parse(row)
      if (current.status !== expected.status || current.nextAttemptAt !== expected.nextAttemptAt) return false
      const next: MessageRecord = { ...current, ...change }
      stmt.put.run({ id, status: next.status, nextAttemptAt: next.nextAttemptAt, doc: stored(next) })
      return true
    },
    markRead: async (id, at) => {
      const row = stmt.get.get(id)
      if (!row) return
      const next = { ...parse(row), readAt: at }
      stmt.put.run({ id, status: next.status, nextAttemptAt: next.nextAttemptAt, doc: stored(next) })
    },
    forRecipient: async (openid, limit) => stmt.forRecipient.all(seal.person(openid), limit).map(parse),
    all: async (limit) => stmt.all.all(limit).map(parse),
  }
}
