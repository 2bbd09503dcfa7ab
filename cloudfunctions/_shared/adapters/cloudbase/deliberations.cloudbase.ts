/**
 * Deliberations on CloudBase: `deliberations/_id = deliberation id`, the state as a document plus
 * top-level copies of what queries filter and sort on (its index, deliberation.index.ts) and a
 * `version` for optimistic writes. A ballot transaction reads and rewrites this document, so two
 * ballots at once conflict and one is retried: the counts stay exact.
 */
import type { DeliberationState } from '../../domain/deliberation.state'
import { VersionConflict, type DeliberationRepository, type DueCursor } from '../../ports/store.port'
import { deliberationIndexOf } from '../deliberation.index'
import { COLLECTION, readDoc, type Doc } from './cloudbase-db'
import { readPages } from './pager'
import { rewriteDoc, type Scope } from './scope.cloudbase'

const toDoc = (state: DeliberationState, version: number): Doc => ({ version, ...deliberationIndexOf(state), state })

const toState = (doc: Doc) => doc.state as DeliberationState

export function cloudbaseDeliberations(scope: Scope): DeliberationRepository {
  const _ = scope.command

  /** Those whose `field` has come by `now`, by cursor (pager.ts): each page is a range of the (…, field, _id) index. */
  async function due(field: 'closesAt' | 'remindDueAt', base: Doc, now: string, limit: number, after?: DueCursor) {
    const docs = await readPages(_, {
      from: scope.query(COLLECTION.deliberations),
      where: [{ ...base, [field]: _.lte(now) }],
      orderBy: field,
      fields: { [field]: true },
      after: after && { value: after.dueAt, id: after.id },
      limit,
    })
    return docs.map((doc) => ({ id: String(doc._id), dueAt: String(doc[field]) }))
  }

  return {
    get: (id) => readDoc(scope.doc(COLLECTION.deliberations), id, (doc) => ({ state: toState(doc), version: Number(doc.version) })),

    create: (state) => rewriteDoc(scope, COLLECTION.deliberations, state.id, (current) => (current ? null : toDoc(state, 1))),

    // Read in the transaction: a concurrent writer makes one of the two transactions conflict.
    update: async (state, expectedVersion) => {
      await rewriteDoc(scope, COLLECTION.deliberations, state.id, (stored) => {
        if (!stored || Number(stored.version) !== expectedVersion) throw new VersionConflict(state.id)
        return toDoc(state, expectedVersion + 1)
      })
    },

    ofOrgs: async (orgIds, status, limit) => {
      if (orgIds.length === 0) return []
      const filter: Doc = { orgId: _.in(orgIds) }
      if (status) filter.status = status
      const docs = await readPages(_, { from: scope.query(COLLECTION.deliberations), where: [filter], orderBy: 'openedAt', direction: 'desc', limit })
      return docs.map(toState)
    },

    dueToClose: (now, limit, after) => due('closesAt', { status: 'open' }, now, limit, after),

    dueForReminder: (now, limit, after) => due('remindDueAt', {}, now, limit, after),
  }
}
