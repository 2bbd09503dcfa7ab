/**
 * Statistics counters on CloudBase: `counters/_id = orgId`, `{ values: { <key>: n } }`. Adding is
 * read-modify-write by `_id` (all a transaction allows); two changes adding to the same org conflict
 * and the loser's transaction runs again, so no increment is lost. An org's counters are one document,
 * so reading its figures is one read.
 */
import type { CounterRepository } from '../../ports/store.port'
import { COLLECTION, getDoc } from './cloudbase-db'
import { ratingCountersAsToday } from '../legacy-rating'
import type { Scope } from './scope.cloudbase'

const valuesOf = (doc: Record<string, unknown> | null): Record<string, number> =>
  Object.fromEntries(Object.entries((doc?.values as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [k, Number(v)]))

export function cloudbaseCounters(scope: Scope): CounterRepository {
  return {
    add: async (orgIds, deltas) => {
      const nonZero = Object.entries(deltas).filter((entry): entry is [string, number] => Boolean(entry[1]))
      if (nonZero.length === 0 || orgIds.length === 0) return
      await scope.atomically(async (doc) => {
        // One at a time: a transaction's operations share one session and must not overlap.
        for (const orgId of orgIds) {
          const values = valuesOf(await getDoc(doc(COLLECTION.counters), orgId))
          for (const [key, delta] of nonZero) values[key] = (values[key] ?? 0) + delta
          await doc(COLLECTION.counters).doc(orgId).set({ values })
        }
      })
    },
    get: async (orgId) => ratingCountersAsToday(valuesOf(await getDoc(scope.doc(COLLECTION.counters), orgId))),
  }
}
