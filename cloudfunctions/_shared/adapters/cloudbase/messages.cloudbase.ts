/**
 * Messages (outbox rows and message-centre entries) on CloudBase.
 *
 * - `messages/_id = message id`, the record's fields at the top level (queries filter on status,
 *   nextAttemptAt, recipientTag, createdAt); the recipient's openid and the dedupe key only sealed
 *   (`sealed`), her tag for her message centre (sealed-identity.ts).
 * - `message_keys/_id = tag of the dedupeKey → messageId`: the guard that stores a message once. The key
 *   is not the message's `_id` because `get` and `put` address a message by its id inside
 *   transactions, where only doc() works; a guard document keeps both lookups by `_id`.
 */
import type { MessageRecord, MessageRepository } from '../../ports/store.port'
import { COLLECTION, getDoc, readDoc, type Doc } from './cloudbase-db'
import { readPages } from './pager'
import type { Scope } from './scope.cloudbase'
import { openMessage, sealMessage, type IdentitySeal } from '../sealed-identity'

const optional = <K extends keyof MessageRecord>(doc: Doc, key: K): Partial<MessageRecord> =>
  doc[key] === undefined || doc[key] === null ? {} : { [key]: doc[key] }

/**
 * Only the record's own fields: a document may carry others (e.g. `_openid` from a console edit).
 * `openid` and `dedupeKey` are those of a document written before sealing; openMessage replaces them.
 */
const toFields = (doc: Doc): MessageRecord & { sealed?: string } => ({
  id: String(doc._id),
  dedupeKey: String(doc.dedupeKey),
  openid: String(doc.openid),
  ...(typeof doc.sealed === 'string' && { sealed: doc.sealed }),
  kind: doc.kind as MessageRecord['kind'],
  title: String(doc.title),
  body: String(doc.body),
  page: String(doc.page),
  ...optional(doc, 'caseId'),
  ...optional(doc, 'deliberationId'),
  ...optional(doc, 'subject'),
  ...optional(doc, 'slots'),
  createdAt: String(doc.createdAt),
  status: doc.status as MessageRecord['status'],
  attempts: Number(doc.attempts),
  nextAttemptAt: String(doc.nextAttemptAt),
  ...optional(doc, 'sentAt'),
  ...optional(doc, 'readAt'),
  ...optional(doc, 'lastError'),
})

export function cloudbaseMessages(scope: Scope, seal: IdentitySeal): MessageRepository {
  const _ = scope.command
  const toMessage = (doc: Doc): MessageRecord => openMessage(seal, toFields(doc) as unknown as Doc)
  const toDoc = (message: MessageRecord): Doc => {
    const { id: _id, ...fields } = sealMessage(seal, message)
    return fields
  }

  /**
   * Inside a transaction, the keys it stored: a second add in the same transaction (a follow-up
   * command's rows, command-handler.ts) skips them without a read. The repositories are made anew for
   * each transaction attempt (store.cloudbase.ts), so a key of an attempt that did not commit is not
   * kept; outside a transaction nothing is kept.
   */
  const storedKeys = scope.inTransaction ? new Set<string>() : undefined

  return {
    add: async (messages, options) => {
      if (messages.length === 0) return 0
      // Keys the caller vouches no committed message has (the port says when): inside a transaction
      // only they are not looked up; the guard documents are still written.
      const unread = options?.freshKeys === true && storedKeys !== undefined
      return scope.atomically(async (doc) => {
        let stored = 0
        const keys = new Set<string>()
        const ids = new Set<string>()
        // One operation at a time: a transaction's operations share one session.
        for (const message of messages) {
          const key = seal.messageKey(message.dedupeKey)
          if (keys.has(key) || ids.has(message.id) || storedKeys?.has(key)) continue
          if (!unread && (await getDoc(doc(COLLECTION.messageKeys), key))) continue
          // No read of the id first: a message's id is new from Ids.next (ids.port.ts: unique; 80
          // random bits in adapters/ids.ts), so no stored message has it, and the key guard above is
          // what keeps one message from being stored twice.
          await doc(COLLECTION.messageKeys).doc(key).set({ messageId: message.id })
          await doc(COLLECTION.messages).doc(message.id).set(toDoc(message))
          keys.add(key)
          storedKeys?.add(key)
          ids.add(message.id)
          stored++
        }
        return stored
      })
    },

    get: (id) => readDoc(scope.doc(COLLECTION.messages), id, toMessage),

    duePending: async (now, limit) => {
      const docs = await readPages(_, {
        from: scope.query(COLLECTION.messages),
        where: [{ status: _.in(['pending', 'sending']), nextAttemptAt: _.lte(now) }],
        orderBy: 'nextAttemptAt',
        limit,
      })
      return docs.map(toMessage)
    },

    put: async (message) => {
      // update(), not set(): only the delivery fields change, and a message that does not exist is
      // not created (the outbox grows only through add, which dedupes).
      await scope
        .doc(COLLECTION.messages)
        .doc(message.id)
        .update({
          status: message.status,
          attempts: message.attempts,
          nextAttemptAt: message.nextAttemptAt,
          sentAt: message.sentAt ?? _.remove(),
          readAt: message.readAt ?? _.remove(),
          lastError: message.lastError ?? _.remove(),
        })
    },

    // One conditional update (as write-counts.cloudbase.ts takes a count): the filter is the
    // expectation, `updated` says whether it held, on the (status, nextAttemptAt) index of duePending.
    // A document a transaction holds (a claim that spends a credit) is being changed by someone else:
    // not as expected.
    updateIf: async (id, expected, change) => {
      const fields: Doc = {}
      for (const [key, value] of Object.entries(change)) fields[key] = value === undefined ? _.remove() : value
      try {
        const result = await scope
          .query(COLLECTION.messages)
          .where({ _id: id, status: expected.status, nextAttemptAt: expected.nextAttemptAt })
          .update(fields)
        const code = (result as { code?: unknown } | null)?.code
        if (code) throw Object.assign(new Error(String((result as { message?: unknown }).message ?? code)), { code })
        return Number(result.updated ?? 0) === 1
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT') return false
        throw error
      }
    },

    // update(), as put: an existing document only, and only the field named.
    markRead: async (id, at) => {
      await scope.doc(COLLECTION.messages).doc(id).update({ readAt: at })
    },

    forRecipient: async (openid, limit) => {
      const docs = await readPages(_, {
        from: scope.query(COLLECTION.messages),
        where: [{ recipientTag: seal.person(openid) }],
        orderBy: 'createdAt',
        direction: 'desc',
        limit,
      })
      return docs.map(toMessage)
    },

    all: async (limit) => (await readPages(_, { from: scope.query(COLLECTION.messages), orderBy: 'createdAt', limit })).map(toMessage),
  }
}
