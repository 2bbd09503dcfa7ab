/**
 * The documents of one environment with the transaction behaviour of CloudBase's document database,
 * which is MongoDB underneath:
 *
 * - a transaction reads a snapshot taken when it started, plus its own writes;
 * - the first transaction to write a document holds it: a second one writing it fails at once with
 *   DATABASE_TRANSACTION_CONFLICT, as does a transaction writing a document someone committed after
 *   its snapshot; either way that transaction is over (MongoDB aborts a transaction on a write
 *   conflict), and node-sdk's runTransaction starts a new one on that code
 *   (node_modules/@cloudbase/database/dist/commonjs/transaction/index.js);
 * - commit applies every write at one instant; abort drops them;
 * - a transaction not committed or aborted within its lifetime (30 s by the emulated clock) is aborted:
 *   afterwards it answers DATABASE_TRANSACTION_FAIL;
 * - a write outside a transaction to a document a transaction holds fails with
 *   DATABASE_TRANSACTION_CONFLICT (MongoDB would make it wait for the holder; failing at once keeps
 *   the emulator single-threaded and makes the collision visible);
 * - any failed operation of a transaction ends it, as a failed operation aborts a MongoDB transaction.
 *
 * Every committed change goes to the persistence first, then to memory. Memory keeps, per document,
 * the versions some open transaction may still read; queries read the latest committed versions.
 */
import { randomBytes } from 'node:crypto'
import { CloudError, CODES } from '../cloud-error'
import type { Doc } from './ejson.codec'
import type { DocumentChange, SqlitePersistence } from './sqlite.persistence'

interface Version {
  seq: number
  doc: Doc | null
}

interface Transaction {
  id: string
  startSeq: number
  startedAt: number
  writes: Map<string, DocumentChange>
}

/** CloudBase: "transaction must be committed or aborted within 30 seconds" (README, Sources). */
export const TRANSACTION_LIFETIME_MS = 30_000

const slot = (collection: string, key: string) => `${collection}\u0000${key}`

export class TransactionalDocuments {
  private seq = 0
  private readonly tables = new Map<string, Map<string, Version[]>>()
  private readonly transactions = new Map<string, Transaction>()
  /** Which transaction holds each document it wrote, until it commits or aborts. */
  private readonly holders = new Map<string, string>()

  constructor(
    private readonly persistence: SqlitePersistence,
    private readonly now: () => number,
    collections: readonly string[],
    documents: readonly { collection: string; key: string; doc: Doc }[],
  ) {
    for (const name of collections) this.tables.set(name, new Map())
    for (const { collection, key, doc } of documents) this.tables.get(collection)?.set(key, [{ seq: 0, doc }])
  }

  // — collections —

  hasCollection(name: string): boolean {
    return this.tables.has(name)
  }

  collectionNames(): string[] {
    return [...this.tables.keys()]
  }

  /** Memory only: the caller persisted it. */
  addCollection(name: string): void {
    if (!this.tables.has(name)) this.tables.set(name, new Map())
  }

  /** Forgets everything (the caller cleared the persistence); open transactions end. */
  clear(): void {
    this.tables.clear()
    this.transactions.clear()
    this.holders.clear()
  }

  // — reads —

  /** Every live document, latest committed versions, in natural (insertion) order. */
  scan(collection: string): Doc[] {
    const out: Doc[] = []
    for (const versions of this.table(collection).values()) {
      const doc = versions[versions.length - 1]?.doc
      if (doc) out.push(doc)
    }
    return out
  }

  /** One document: the latest committed version, or what transaction `txId` sees. */
  get(collection: string, key: string, txId?: string): Doc | null {
    const versions = this.table(collection).get(key) ?? []
    if (!txId) return versions[versions.length - 1]?.doc ?? null
    const tx = this.transaction(txId)
    const own = tx.writes.get(slot(collection, key))
    if (own) return own.doc
    for (let i = versions.length - 1; i >= 0; i--) {
      if (versions[i]!.seq <= tx.startSeq) return versions[i]!.doc
    }
    return null
  }

  // — writes —

  /** Writes (or, with a null doc, deletes) documents: in transaction `txId`, or committed at once. */
  write(changes: readonly DocumentChange[], txId?: string): void {
    this.expire()
    for (const change of changes) this.table(change.collection)
    if (!txId) {
      this.commitChanges(changes)
      return
    }
    const tx = this.transaction(txId)
    for (const change of changes) {
      const k = slot(change.collection, change.key)
      const holder = this.holders.get(k)
      if (holder && holder !== txId) {
        this.conflict(txId, `${change.collection}/${change.key} is being written by another transaction`)
      }
      if (this.latestSeq(change.collection, change.key) > tx.startSeq) {
        this.conflict(txId, `${change.collection}/${change.key} was committed after this transaction started`)
      }
    }
    for (const change of changes) {
      const k = slot(change.collection, change.key)
      this.holders.set(k, txId)
      tx.writes.set(k, change)
    }
  }

  // — transactions —

  begin(): string {
    this.expire()
    const id = `tx-${randomBytes(12).toString('hex')}`
    this.transactions.set(id, { id, startSeq: this.seq, startedAt: this.now(), writes: new Map() })
    return id
  }

  commit(txId: string): void {
    const tx = this.transaction(txId)
    const changes = [...tx.writes.values()]
    for (const change of changes) {
      if (this.latestSeq(change.collection, change.key) > tx.startSeq) {
        this.conflict(txId, `${change.collection}/${change.key} was committed after this transaction started`)
      }
    }
    // Ended before the changes land, so pruning keeps no version for this transaction's snapshot.
    this.end(txId)
    this.apply(changes)
  }

  /** Aborting a transaction that already ended is a no-op: the SDK rolls back after failures too. */
  abort(txId: string): void {
    if (this.transactions.has(txId)) this.end(txId)
  }

  /** Transactions still open (after expiring the stale ones): a test checks none was left behind. */
  openTransactions(): number {
    this.expire()
    return this.transactions.size
  }

  /** Aborts every transaction older than its lifetime, by the emulated clock. */
  expire(): void {
    const deadline = this.now() - TRANSACTION_LIFETIME_MS
    for (const tx of [...this.transactions.values()]) if (tx.startedAt <= deadline) this.end(tx.id)
  }

  // — internals —

  private commitChanges(changes: readonly DocumentChange[]): void {
    for (const change of changes) {
      const holder = this.holders.get(slot(change.collection, change.key))
      if (holder) {
        throw new CloudError(
          CODES.DATABASE_TRANSACTION_CONFLICT,
          `${change.collection}/${change.key} is locked by an open transaction`,
        )
      }
    }
    this.apply(changes)
  }

  /** Persists, then shows, one commit at one new sequence number. */
  private apply(changes: readonly DocumentChange[]): void {
    if (changes.length === 0) return
    this.persistence.apply(changes)
    const seq = ++this.seq
    const oldest = this.oldestSnapshot()
    for (const { collection, key, doc } of changes) {
      const table = this.table(collection)
      const versions = table.get(key) ?? []
      versions.push({ seq, doc })
      // Keep only the versions an open transaction may still read, and drop a deleted document's
      // chain once no snapshot can see it.
      let from = versions.length - 1
      while (from > 0 && versions[from]!.seq > oldest) from--
      const kept = versions.slice(from)
      if (kept.length === 1 && kept[0]!.doc === null) table.delete(key)
      else table.set(key, kept)
    }
  }

  private oldestSnapshot(): number {
    let oldest = Number.POSITIVE_INFINITY
    for (const tx of this.transactions.values()) oldest = Math.min(oldest, tx.startSeq)
    return oldest
  }

  private table(collection: string): Map<string, Version[]> {
    const table = this.tables.get(collection)
    if (!table) throw new CloudError(CODES.DATABASE_COLLECTION_NOT_EXIST, `collection ${collection} does not exist`)
    return table
  }

  private transaction(txId: string): Transaction {
    this.expire()
    const tx = this.transactions.get(txId)
    if (!tx) {
      throw new CloudError(
        CODES.DATABASE_TRANSACTION_FAIL,
        `transaction ${txId} is not open (committed, aborted, or older than ${TRANSACTION_LIFETIME_MS / 1000} s)`,
      )
    }
    return tx
  }

  private latestSeq(collection: string, key: string): number {
    const versions = this.table(collection).get(key) ?? []
    return versions[versions.length - 1]?.seq ?? 0
  }

  private end(txId: string): void {
    const tx = this.transactions.get(txId)
    for (const k of tx?.writes.keys() ?? []) if (this.holders.get(k) === txId) this.holders.delete(k)
    this.transactions.delete(txId)
  }

  private conflict(txId: string, message: string): never {
    this.end(txId)
    throw new CloudError(CODES.DATABASE_TRANSACTION_CONFLICT, message)
  }
}
