/**
 * Where a repository sends its operations, inside a transaction or outside one.
 *
 * A CloudBase transaction takes doc() operations only (get, set, update, remove by `_id`), never a
 * where() query. So `doc` reads and writes go to the transaction when there is one, while `query`
 * always goes to the plain database: a query inside `store.transaction` reads committed data, does not
 * see the transaction's own writes, and is not part of its atomic write set.
 */
import { getDoc, type CloudbaseCollection, type CloudbaseCommand, type CloudbaseDb, type CloudbaseTransaction, type Doc } from './cloudbase-db'

export type Collections = (name: string) => CloudbaseCollection

export interface Scope {
  command: CloudbaseCommand
  /** For where() queries: never in a transaction. */
  query: Collections
  /** For doc() reads and writes: the transaction's collections inside one. */
  doc: Collections
  /** Whether `doc` goes to a transaction (whose reads are its snapshot plus its own writes). */
  inTransaction: boolean
  /** Writes that span documents: inside a transaction, part of it; outside, in one of their own. */
  atomically<T>(fn: (doc: Collections) => Promise<T>): Promise<T>
}

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT'
/** Rounds of the SDK's runTransaction (each already retries 3 times, back to back). */
const ROUNDS = 8
const MAX_PAUSE_MS = 400

const isConflict = (error: unknown) => (error as { code?: unknown } | null)?.code === CONFLICT
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * `db.runTransaction` with more patience. The SDK retries a conflicting transaction three times with no
 * pause, so a handful of writers on one document (a busy case, a counter) exhaust it together; pausing
 * a random, growing time between rounds spreads them out. `fn` may run many times: the port says so.
 */
export async function runTransaction<T>(db: CloudbaseDb, fn: (tx: CloudbaseTransaction) => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await db.runTransaction(fn)
    } catch (error) {
      if (!isConflict(error) || round === ROUNDS) throw error
      await pause(Math.random() * Math.min(MAX_PAUSE_MS, 10 * 2 ** round))
    }
  }
}

/** Outside any transaction, or inside `tx`. */
export function scopeOf(db: CloudbaseDb, name: (logical: string) => string, tx?: CloudbaseTransaction): Scope {
  const plain: Collections = (logical) => db.collection(name(logical))
  const inTx = (t: CloudbaseTransaction): Collections => (logical) => t.collection(name(logical))
  return {
    command: db.command,
    query: plain,
    doc: tx ? inTx(tx) : plain,
    inTransaction: tx !== undefined,
    atomically: (fn) => (tx ? fn(inTx(tx)) : runTransaction(db, (t) => fn(inTx(t)))),
  }
}

/**
 * Reads one document and writes its replacement in one transaction (inside one: as part of it), so
 * two racing writers agree on which of them changed it. `next` gets its fields (null when there is
 * none) and answers the whole new document, or null to leave it; answers whether it wrote.
 */
export function rewriteDoc(scope: Scope, collection: string, id: string, next: (current: Doc | null) => Doc | null): Promise<boolean> {
  return scope.atomically(async (doc) => {
    const stored = await getDoc(doc(collection), id)
    const { _id, ...current } = stored ?? {}
    const fields = next(stored && current)
    if (!fields) return false
    await doc(collection).doc(id).set(fields)
    return true
  })
}

/**
 * Inside a transaction, the documents of one collection it read or wrote, by id. Its reads are a
 * snapshot plus its own writes (above), so a second read of one answers what is kept here: the
 * command handler's load and then update (command-handler.ts) read the aggregate once. Nothing is
 * kept outside a transaction (another instance may write the document at any time), nor past this
 * one: the repositories are made anew for each transaction and each of its attempts
 * (store.cloudbase.ts). Only for collections whose every write in a transaction goes through `write`.
 */
export function knownDocs(scope: Scope, collection: string) {
  const known = scope.inTransaction ? new Map<string, Doc | null>() : undefined
  return {
    read: async (doc: Collections, id: string): Promise<Doc | null> => {
      if (known?.has(id)) return known.get(id) ?? null
      const found = await getDoc(doc(collection), id)
      known?.set(id, found)
      return found
    },
    write: async (doc: Collections, id: string, fields: Doc): Promise<void> => {
      await doc(collection).doc(id).set(fields)
      known?.set(id, { _id: id, ...fields })
    },
  }
}
