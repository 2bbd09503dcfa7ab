/**
 * The counter changes of one transaction as one new document, and their folding into the counter
 * documents later (counters.cloudbase.ts says why).
 *
 * A delta document: `counters/_id = delta_<time-ordered id>`, `{ targets: [<counter _id>], rows:
 * [{ target, deltas }] }`. Counter documents' ids are org ids and `<period>:<orgId>`, never `delta_…`,
 * so the deltas are one range of `_id` and the fold finds them with no index of its own.
 */
import { timeOrderedId } from '../ids'
import { COLLECTION, getDoc, type CloudbaseCommand, type CloudbaseDb, type Doc } from './cloudbase-db'
import { readPages } from './pager'
import { runTransaction, type Collections } from './scope.cloudbase'

export type Deltas = Record<string, number>

/** One counter document's share of a change: `target` is its `_id`. */
export interface DeltaRow {
  target: string
  deltas: Deltas
}

const PREFIX = 'delta_'
/** The first character after `_`: every delta id sorts below PREFIX_END. */
const PREFIX_END = 'delta`'

export const isDeltaId = (id: string) => id.startsWith(PREFIX)

/** Rows summed per target, zeros left out, targets in first-seen order. */
export function sumRows(rows: readonly DeltaRow[]): DeltaRow[] {
  const sums = new Map<string, Deltas>()
  for (const { target, deltas } of rows) {
    const into = sums.get(target) ?? {}
    for (const [key, n] of Object.entries(deltas)) if (n) into[key] = (into[key] ?? 0) + n
    sums.set(target, into)
  }
  return [...sums]
    .map(([target, deltas]) => ({ target, deltas: Object.fromEntries(Object.entries(deltas).filter(([, n]) => n !== 0)) }))
    .filter((row) => Object.keys(row.deltas).length > 0)
}

/** What a delta document holds, or null when `doc` is not one. */
export function rowsOf(doc: Doc): DeltaRow[] | null {
  if (!isDeltaId(String(doc._id)) || !Array.isArray(doc.rows)) return null
  return (doc.rows as Doc[]).map((row) => ({ target: String(row.target), deltas: numbers(row.deltas) }))
}

export const numbers = (values: unknown): Deltas =>
  Object.fromEntries(Object.entries((values as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [k, Number(v)]))

/** Writes `rows` (summed) as one new delta document in `doc`: a transaction's collections or the plain ones. */
export async function writeDeltas(doc: Collections, rows: readonly DeltaRow[]): Promise<void> {
  const summed = sumRows(rows)
  if (summed.length === 0) return
  await doc(COLLECTION.counters).doc(timeOrderedId('delta')).set({ targets: summed.map((row) => row.target), rows: summed })
}

/**
 * The deltas of one store transaction, kept until it ends and then written as one document
 * (store.cloudbase.ts): a change that adds several times (a submission: all-time counters, months,
 * days) costs one write. A retried transaction starts with a new buffer.
 */
export function deltaBuffer() {
  const rows: DeltaRow[] = []
  return {
    add: (more: readonly DeltaRow[]) => void rows.push(...more),
    writeIn: (doc: Collections) => writeDeltas(doc, rows),
  }
}
export type DeltaBuffer = ReturnType<typeof deltaBuffer>

/**
 * Deltas per fold transaction. Its operations run one at a time: at worst (every delta of another
 * village, ~15 counter documents each) 2 + 25 × 2 + 375 ≈ 430 requests, ~4 s at 10 ms a request — far
 * inside a transaction's 30 s, and the overrun of the last batch started before a deadline.
 */
const FOLD_BATCH = 25

/**
 * Adds `deltas` to the document's `values` (one `_.inc` update, no read), or writes it with them when
 * it does not exist yet. Only the fold writes counter documents, so two writers of one are two folds.
 */
async function addTo(_: CloudbaseCommand, doc: Collections, target: string, deltas: Deltas) {
  const increments = Object.fromEntries(Object.entries(deltas).map(([key, n]) => [key, _.inc(n)]))
  const { updated } = (await doc(COLLECTION.counters).doc(target).update({ values: increments })) as { updated?: number }
  if (!updated) await doc(COLLECTION.counters).doc(target).set({ values: deltas })
}

/**
 * Folds the oldest deltas into the counter documents, a batch per transaction, until none is left or
 * `deadline` (ms) passes; answers how many it folded. Each delta is read inside the transaction that
 * removes it: one another fold removed meanwhile is not there (or makes this transaction conflict and
 * run again), so every delta is added exactly once. Readers add the deltas still there, so a figure
 * never waits for this.
 */
export async function foldCounterDeltas(db: CloudbaseDb, name: (logical: string) => string, deadline: number): Promise<number> {
  const _ = db.command
  const counters = db.collection(name(COLLECTION.counters))
  let folded = 0
  while (Date.now() < deadline) {
    const found = await readPages(_, { from: counters, where: [{ _id: _.gte(PREFIX) }, { _id: _.lt(PREFIX_END) }], limit: FOLD_BATCH })
    if (found.length === 0) break
    folded += await runTransaction(db, async (tx) => {
      const doc: Collections = (logical) => tx.collection(name(logical))
      const rows: DeltaRow[] = []
      let removed = 0
      // One at a time: a transaction's operations share one session and must not overlap.
      for (const { _id } of found) {
        const delta = await getDoc(doc(COLLECTION.counters), String(_id))
        const deltaRows = delta && rowsOf(delta)
        if (!deltaRows) continue
        rows.push(...deltaRows)
        await doc(COLLECTION.counters).doc(String(_id)).remove()
        removed++
      }
      for (const { target, deltas } of sumRows(rows)) await addTo(_, doc, target, deltas)
      return removed
    })
    if (found.length < FOLD_BATCH) break
  }
  return folded
}
