/**
 * Test-only: an in-memory document database with the transaction behaviour the CloudBase adapter
 * relies on, modelled on MongoDB (which CloudBase's document database is built on):
 *
 * - a transaction reads a snapshot taken when it started, plus its own writes;
 * - the first transaction to write a document holds it: a second one writing it fails at once with
 *   DATABASE_TRANSACTION_CONFLICT and is aborted (so the SDK's runTransaction retries it);
 * - a transaction writing a document someone committed after its snapshot fails the same way;
 * - commit applies every write at one instant; abort drops them.
 *
 * A write outside a transaction is applied at once (real MongoDB would wait for a holding transaction;
 * here the holder then fails at commit instead). Collections must be declared, as on CloudBase.
 */
export type Doc = Record<string, unknown> & { _id: string }

interface Version {
  seq: number
  doc: Doc | null
}

interface Transaction {
  startSeq: number
  writes: Map<string, { collection: string; id: string; doc: Doc | null }>
}

export class DatabaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`

export class MemoryDatabase {
  private seq = 0
  private txCount = 0
  private readonly collections = new Map<string, Map<string, Version[]>>()
  private readonly transactions = new Map<string, Transaction>()
  /** Which transaction holds each written document until it commits or aborts. */
  private readonly holders = new Map<string, string>()

  constructor(collections: readonly string[]) {
    for (const name of collections) this.collections.set(name, new Map())
  }

  /** Every live document, latest committed versions (queries never run inside a transaction). */
  scan(collection: string): Doc[] {
    const out: Doc[] = []
    for (const versions of this.table(collection).values()) {
      const doc = versions[versions.length - 1]?.doc
      if (doc) out.push(doc)
    }
    return out
  }

  get(collection: string, id: string, txId?: string): Doc | null {
    const versions = this.table(collection).get(id) ?? []
    if (!txId) return versions[versions.length - 1]?.doc ?? null
    const tx = this.transaction(txId)
    const own = tx.writes.get(key(collection, id))
    if (own) return own.doc
    for (let i = versions.length - 1; i >= 0; i--) {
      if (versions[i]!.seq <= tx.startSeq) return versions[i]!.doc
    }
    return null
  }

  /** Writes (or, with null, deletes) one document. */
  put(collection: string, id: string, doc: Doc | null, txId?: string): void {
    this.table(collection)
    if (!txId) {
      this.append(collection, id, doc, ++this.seq)
      return
    }
    const tx = this.transaction(txId)
    const k = key(collection, id)
    const holder = this.holders.get(k)
    if ((holder && holder !== txId) || this.latestSeq(collection, id) > tx.startSeq) this.conflict(txId, collection, id)
    this.holders.set(k, txId)
    tx.writes.set(k, { collection, id, doc })
  }

  begin(): string {
    const id = `tx-${++this.txCount}`
    this.transactions.set(id, { startSeq: this.seq, writes: new Map() })
    return id
  }

  commit(txId: string): void {
    const tx = this.transaction(txId)
    for (const write of tx.writes.values()) {
      if (this.latestSeq(write.collection, write.id) > tx.startSeq) this.conflict(txId, write.collection, write.id)
    }
    const seq = ++this.seq
    for (const write of tx.writes.values()) this.append(write.collection, write.id, write.doc, seq)
    this.end(txId)
  }

  /** Aborting an unknown (already ended) transaction is a no-op: the SDK rolls back after conflicts too. */
  abort(txId: string): void {
    if (this.transactions.has(txId)) this.end(txId)
  }

  /** Transactions still open: a test can check none was left behind. */
  openTransactions(): number {
    return this.transactions.size
  }

  private table(collection: string): Map<string, Version[]> {
    const table = this.collections.get(collection)
    if (!table) throw new DatabaseError('DATABASE_COLLECTION_NOT_EXIST', `collection ${collection} does not exist`)
    return table
  }

  private transaction(txId: string): Transaction {
    const tx = this.transactions.get(txId)
    if (!tx) throw new DatabaseError('DATABASE_TRANSACTION_FAIL', `transaction ${txId} is not open`)
    return tx
  }

  private latestSeq(collection: string, id: string): number {
    const versions = this.table(collection).get(id) ?? []
    return versions[versions.length - 1]?.seq ?? 0
  }

  private append(collection: string, id: string, doc: Doc | null, seq: number) {
    const table = this.table(collection)
    const versions = table.get(id) ?? []
    versions.push({ seq, doc })
    table.set(id, versions)
  }

  private end(txId: string) {
    const tx = this.transactions.get(txId)
    for (const k of tx?.writes.keys() ?? []) if (this.holders.get(k) === txId) this.holders.delete(k)
    this.transactions.delete(txId)
  }

  private conflict(txId: string, collection: string, id: string): never {
    // As MongoDB does on a write conflict: the transaction is over; the client starts a new one.
    this.end(txId)
    throw new DatabaseError('DATABASE_TRANSACTION_CONFLICT', `write conflict on ${collection}/${id}`)
  }
}
