/**
 * Statistics counters on CloudBase: `counters/_id = orgId`, `{ values: { <key>: n } }`. Adding is one
 * update by `_id` with `_.inc` per key (the server adds; no read first), and a `set` only when the
 * document does not exist yet; two changes adding to the same org conflict and the loser's transaction
 * runs again, so no increment is lost. An org's counters are one document, so reading its figures is
 * one read.
 *
 * A period's counters: `period_counters/_id = <period>:<orgId>` (period-counters.ts), the same shape
 * and the same adding; many sets are read by one `_id` query per hundred.
 */
import type { CounterRepository } from '../../ports/store.port'
import { COLLECTION, getDoc, type Doc } from './cloudbase-db'
import { ratingCountersAsToday } from '../legacy-rating'
import { mergePeriodRows, periodSetId } from '../period-counters'
import { readAll } from './pager'
import type { Collections, Scope } from './scope.cloudbase'

/** `_id`s per query: well inside `_.in`'s list and one page of answers. */
const IDS_PER_QUERY = 100

const valuesOf = (doc: Record<string, unknown> | null): Record<string, number> =>
  Object.fromEntries(Object.entries((doc?.values as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [k, Number(v)]))

export function cloudbaseCounters(scope: Scope): CounterRepository {
  /**
   * Adds `deltas` to the document's `values` (one request), or, when it has none yet, writes it with
   * them (`fields` beside): a document created by another writer meanwhile makes this one conflict.
   */
  const addTo = async (doc: Collections, collection: string, id: string, deltas: [string, number][], fields: Doc = {}) => {
    // Nothing to add: an empty `values` would be sent as "set values to {}".
    if (deltas.length === 0) return
    const increments = Object.fromEntries(deltas.map(([key, delta]) => [key, scope.command.inc(delta)]))
    const { updated } = (await doc(collection).doc(id).update({ values: increments })) as { updated?: number }
    if (!updated) await doc(collection).doc(id).set({ ...fields, values: Object.fromEntries(deltas) })
  }
  return {
    add: async (orgIds, deltas) => {
      const nonZero = Object.entries(deltas).filter((entry): entry is [string, number] => Boolean(entry[1]))
      if (nonZero.length === 0 || orgIds.length === 0) return
      await scope.atomically(async (doc) => {
        // One at a time: a transaction's operations share one session and must not overlap.
        for (const orgId of orgIds) await addTo(doc, COLLECTION.counters, orgId, nonZero)
      })
    },
    get: async (orgId) => ratingCountersAsToday(valuesOf(await getDoc(scope.doc(COLLECTION.counters), orgId))),
    addInPeriods: async (rows) => {
      const merged = mergePeriodRows(rows)
      if (merged.length === 0) return
      await scope.atomically(async (doc) => {
        for (const { orgId, period, deltas } of merged) {
          await addTo(doc, COLLECTION.periodCounters, periodSetId(orgId, period), Object.entries(deltas) as [string, number][], { orgId, period })
        }
      })
    },
    inPeriods: async (refs) => {
      const ids = [...new Set(refs.map(({ orgId, period }) => periodSetId(orgId, period)))]
      const found = new Map<string, Record<string, number>>()
      const _ = scope.command
      const slices: string[][] = []
      for (let i = 0; i < ids.length; i += IDS_PER_QUERY) slices.push(ids.slice(i, i + IDS_PER_QUERY))
      const pages = await Promise.all(slices.map((slice) => readAll(_, scope.query(COLLECTION.periodCounters), { _id: _.in(slice) })))
      for (const doc of pages.flat() as Doc[]) found.set(String(doc._id), valuesOf(doc))
      return refs.map(({ orgId, period }) => found.get(periodSetId(orgId, period)) ?? {})
    },
  }
}
