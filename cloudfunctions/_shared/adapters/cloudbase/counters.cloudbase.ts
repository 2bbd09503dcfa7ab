/**
 * Statistics counters on CloudBase, in one collection `counters`:
 * - an org's all-time counters: `_id = orgId`, `{ values: { <key>: n } }`;
 * - an (org, period) set: `_id = <period>:<orgId>` (period-counters.ts), the same shape;
 * - the changes not folded into them yet: delta documents (counter-deltas.cloudbase.ts).
 *
 * Why deltas: every case change adds to the counters of all five orgs on its chain. Added inside the
 * change's transaction, every report anywhere in a province wrote the province's, its city's and its
 * county's documents, and CloudBase refuses a transaction writing a document another open one wrote:
 * 200 reports at once from one township failed (docs/benchmarks.md). Now a transaction's counter
 * changes are one new document, written as it ends (store.cloudbase.ts), which nothing else writes, so
 * they never conflict; the notify timer folds them into the counter documents (foldCounterDeltas).
 *
 * A read asks for the counter documents and the deltas naming them in one query and adds them up, so a
 * figure is exact as soon as the change commits, folded or not. A fold removes its deltas and adds
 * them to the documents in one transaction; the emulator answers a query from one state, so a read
 * sees a fold entirely or not at all. CloudBase (MongoDB, no snapshot read) may answer a query that
 * overlaps a fold's commit with a document from before it and a delta from after, or the reverse: that
 * read is off by the deltas being folded, the next one exact.
 */
import type { CounterRepository } from '../../ports/store.port'
import { COLLECTION, type Doc } from './cloudbase-db'
import { ratingCountersAsToday } from '../legacy-rating'
import { mergePeriodRows, periodSetId } from '../period-counters'
import { readAll } from './pager'
import type { Scope } from './scope.cloudbase'
import { numbers, rowsOf, writeDeltas, type DeltaBuffer, type DeltaRow, type Deltas } from './counter-deltas.cloudbase'

/** Counter ids per query: well inside `_.in`'s list, and with their deltas one page of answers or a few. */
const IDS_PER_QUERY = 100

/**
 * `buffer`: inside a store transaction, where its deltas wait until it ends; outside one each call
 * writes its own delta document (one write is atomic by itself).
 */
export function cloudbaseCounters(scope: Scope, buffer?: DeltaBuffer): CounterRepository {
  const _ = scope.command
  const write = (rows: DeltaRow[]) => (buffer ? buffer.add(rows) : writeDeltas(scope.doc, rows))

  /** The counters of each id asked, in the order asked ({} for one never counted). */
  async function countersOf(ids: readonly string[]): Promise<Deltas[]> {
    const wanted = [...new Set(ids)]
    const slices: string[][] = []
    for (let i = 0; i < wanted.length; i += IDS_PER_QUERY) slices.push(wanted.slice(i, i + IDS_PER_QUERY))
    const pages = await Promise.all(
      slices.map((slice) => readAll(_, scope.query(COLLECTION.counters), _.or([{ _id: _.in(slice) }, { targets: _.in(slice) }]))),
    )
    const sums = new Map<string, Deltas>(wanted.map((id) => [id, {}]))
    const add = (target: string, deltas: Deltas) => {
      const into = sums.get(target)
      if (into) for (const [key, n] of Object.entries(deltas)) into[key] = (into[key] ?? 0) + n
    }
    // A delta naming ids of two slices is answered twice: count each document once.
    const seen = new Set<string>()
    for (const doc of pages.flat() as Doc[]) {
      const id = String(doc._id)
      if (seen.has(id)) continue
      seen.add(id)
      const rows = rowsOf(doc)
      if (rows) for (const row of rows) add(row.target, row.deltas)
      else add(id, numbers(doc.values))
    }
    return ids.map((id) => sums.get(id) ?? {})
  }

  return {
    add: async (orgIds, deltas) => {
      const nonZero = Object.fromEntries(Object.entries(deltas).filter((entry): entry is [string, number] => Boolean(entry[1])))
      if (Object.keys(nonZero).length === 0) return
      await write(orgIds.map((target) => ({ target, deltas: nonZero })))
    },
    get: async (orgId) => ratingCountersAsToday((await countersOf([orgId]))[0] ?? {}),
    getMany: async (orgIds) => (await countersOf(orgIds)).map(ratingCountersAsToday),
    addInPeriods: async (rows) => {
      await write(mergePeriodRows(rows).map(({ orgId, period, deltas }) => ({ target: periodSetId(orgId, period), deltas: deltas as Deltas })))
    },
    inPeriods: (refs) => countersOf(refs.map(({ orgId, period }) => periodSetId(orgId, period))),
  }
}
