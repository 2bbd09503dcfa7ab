/**
 * Deliberations on CloudBase: `deliberations/_id = deliberation id`, the state as a document plus
 * top-level copies of what queries filter and sort on (its index, deliberation.index.ts) and a
 * `version` for optimistic writes. A ballot transaction reads and rewrites this document, so two
 * ballots at once conflict and one is retried: the counts stay exact.
 */
import type { DeliberationState } from '../../domain/deliberation.state'
import { VersionConflict, type DeliberationRepository, type DueCursor } from '../../ports/store.port'
import { deliberationIndexOf } from '../deliberation.index'
import { COLLECTION, type Doc } from './cloudbase-db'
import { readPages } from './pager'
import { knownDocs, type Scope } from './scope.cloudbase'

const toDoc = (state: DeliberationState, version: number): Doc => ({ version, ...deliberationIndexOf(state), state })

const toState = (doc: Doc) => doc.state as DeliberationState

export function cloudbaseDeliberations(scope: Scope): DeliberationRepository {
  const _ = scope.command
  // The load and then the update of one transaction (a ballot) read the deliberation once.
  const deliberations = knownDocs(scope, COLLECTION.deliberations)

  // By cursor (pager.ts): each page is a range of the (dueAt, _id) index; a closed one has no dueAt.
  async function due(now: string, limit: number, after?: DueCursor) {
    const docs = await readPages(_, {
      from: scope.query(COLLECTION.deliberations),
      where: [{ dueAt: _.lte(now) }],
      orderBy: 'dueAt',
      fields: { dueAt: true },
      after: after && { value: after.dueAt, id: after.id },
      limit,
    })
    return docs.map((doc) => ({ id: String(doc._id), dueAt: String(doc.dueAt) }))
  }

  return {
    get: async (id) => {
      const doc = await deliberations.read(scope.doc, id)
      return doc && { state: toState(doc), version: Number(doc.version) }
    },

    create: (state) =>
      scope.atomically(async (doc) => {
        if (await deliberations.read(doc, state.id)) return false
        await deliberations.write(doc, state.id, toDoc(state, 1))
        return true
      }),

    // Read in the transaction (once: the load's read is kept, scope.cloudbase.ts knownDocs): a
    // concurrent writer makes one of the two transactions conflict.
    update: (state, expectedVersion) =>
      scope.atomically(async (doc) => {
        const stored = await deliberations.read(doc, state.id)
        if (!stored || Number(stored.version) !== expectedVersion) throw new VersionConflict(state.id)
        await deliberations.write(doc, state.id, toDoc(state, expectedVersion + 1))
      }),

    ofOrgs: async (orgIds, status, limit) => {
      if (orgIds.length === 0) return []
      const filter: Doc = { orgId: _.in(orgIds) }
      if (status) filter.status = status
      const docs = await readPages(_, { from: scope.query(COLLECTION.deliberations), where: [filter], orderBy: 'openedAt', direction: 'desc', limit })
      return docs.map(toState)
    },

    due,
  }
}
