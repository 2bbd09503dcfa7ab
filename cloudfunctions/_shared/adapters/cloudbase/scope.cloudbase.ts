/**
 * Where a repository sends its operations, inside a transaction or outside one.
 *
 * A CloudBase transaction takes doc() operations only (get, set, update, remove by `_id`), never a
 * where() query. So `doc` reads and writes go to the transaction when there is one, while `query`
 * always goes to the plain database: a query inside `store.transaction` reads committed data, does not
 * see the transaction's own writes, and is not part of its atomic write set.
 */
import type { CloudbaseCollection, CloudbaseCommand, CloudbaseDb, CloudbaseTransaction } from './cloudbase-db'

export type Collections = (name: string) => CloudbaseCollection

export interface Scope {
  command: CloudbaseCommand
  /** For where() queries: never in a transaction. */
  query: Collections
  /** For doc() reads and writes: the transaction's collections inside one. */
  doc: Collections
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

export function outsideScope(db: CloudbaseDb, name: (logical: string) => string): Scope {
  const plain: Collections = (logical) => db.collection(name(logical))
  return {
    command: db.command,
    query: plain,
    doc: plain,
    atomically: (fn) => runTransaction(db, (tx) => fn((logical) => tx.collection(name(logical)))),
  }
}

export function insideScope(db: CloudbaseDb, tx: CloudbaseTransaction, name: (logical: string) => string): Scope {
  const inTx: Collections = (logical) => tx.collection(name(logical))
  return {
    command: db.command,
    query: (logical) => db.collection(name(logical)),
    doc: inTx,
    atomically: (fn) => fn(inTx),
  }
}
