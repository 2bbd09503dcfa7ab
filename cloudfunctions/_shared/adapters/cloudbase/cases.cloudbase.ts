/**
 * Cases and their timelines on CloudBase.
 *
 * - `cases/_id = case id`: the state as a document, plus top-level copies of what queries filter and
 *   sort on (its index, case.index.ts), a `version` for optimistic writes and `eventCount`, the
 *   timeline's length, so appending needs no query.
 * - `case_events/_id = caseId:seq` (seq zero-padded, so `_id` order is timeline order): one document
 *   per event, because a transaction writes documents by `_id` only.
 * - `case_requests/_id = reporterTag:clientRequestId → caseId`: the guard that makes a retried
 *   submission idempotent. A transaction cannot ask "is there a case with this request id" (no where()),
 *   but it can read and write this one document, and two racing creates conflict on it.
 *
 * The reporter is stored only tagged (`reporterTag`, the request guard) and sealed (in `state` and the
 * submission event): sealed-identity.ts. Documents written before that still read back (their plain
 * openid is opened as it is) but are found by no tag until seal-identities.migration.ts rewrites them.
 */
import type { CaseEvent } from '../../domain/case.events'
import type { CaseState } from '../../domain/case.state'
import { VersionConflict, type CaseRepository, type SubmittedRange } from '../../ports/store.port'
import { caseIndexOf, drillIndexOf } from '../case.index'
import type { CaseFacet } from '../../domain/stats.drill'
import { COLLECTION, getDoc, readDoc, type Doc } from './cloudbase-db'
import { readAll, readPages } from './pager'
import { knownDocs, type Collections, type Scope } from './scope.cloudbase'
import { openCase, openEvent, sealCase, sealEvent, type IdentitySeal } from '../sealed-identity'

/** Enough for any timeline; the width only has to be fixed so ids sort as numbers. */
const SEQ_DIGITS = 6
export const eventId = (caseId: string, seq: number) => `${caseId}:${String(seq).padStart(SEQ_DIGITS, '0')}`
export const requestId = (reporterTag: string, clientRequestId: string) => `${reporterTag}:${clientRequestId}`

export function caseDoc(seal: IdentitySeal, state: CaseState, version: number, eventCount: number, clientRequestId: string | null): Doc {
  // The index (case.index.ts) is rewritten with every write, as SQLite's columns are: the sweep finds
  // due cases by `dueAt` alone, a subtree's cases by `chainIds` (a multikey index) and `submittedAt`.
  // With them what a dashboard figure picks a case by (drillIndexOf): (chainIds, <value>, submittedAt).
  return { version, ...caseIndexOf(state, seal), ...drillIndexOf(state), clientRequestId, eventCount, state: sealCase(seal, state) }
}

/** The condition a figure adds to a subtree's query, on its own index (indexes.json cases_by_chain_*). */
function facetWhere(facet: CaseFacet | null): Doc[] {
  if (facet === null) return []
  switch (facet.kind) {
    case 'status':
      return [{ status: facet.status }]
    case 'category':
      return [{ category: facet.category }]
    case 'resolvedAt':
      return [{ resolvedLevel: facet.level }]
    case 'overdue':
      return [{ lateOpen: true }]
  }
}

export function cloudbaseCases(scope: Scope, seal: IdentitySeal): CaseRepository {
  const _ = scope.command
  const toState = (doc: Doc) => openCase(seal, doc.state as Doc)
  /** Work lists and 我的反映: the (…, updatedAt desc, _id desc) indexes. */
  const newestChangeFirst = { from: scope.query(COLLECTION.cases), orderBy: 'updatedAt', direction: 'desc' } as const
  /** A subtree's cases (chainIds), with what else the query names, within the submission range. */
  const subtreeWhere = (orgId: string, also: Doc[], range?: SubmittedRange): Doc[] => [
    { chainIds: orgId },
    ...also,
    ...(range?.from ? [{ submittedAt: _.gte(range.from) }] : []),
    ...(range?.to ? [{ submittedAt: _.lt(range.to) }] : []),
  ]

  // The load and then the update of one transaction read the case once (scope.cloudbase.ts knownDocs).
  const cases = knownDocs(scope, COLLECTION.cases)
  const readCase = cases.read
  const writeCase = cases.write

  async function appendEvents(doc: Collections, state: CaseState, after: number, events: CaseEvent[]) {
    // One at a time: a transaction's operations share one session and must not overlap.
    for (const [i, event] of events.entries()) {
      const seq = after + i + 1
      const stored = sealEvent(seal, event, state.reporter.openid)
      await doc(COLLECTION.caseEvents).doc(eventId(state.id, seq)).set({ caseId: state.id, seq, type: event.type, at: event.at, event: stored })
    }
  }

  return {
    get: async (id) => {
      const doc = await readCase(scope.doc, id)
      return doc && { state: toState(doc), version: Number(doc.version) }
    },

    timeline: async (id) =>
      (await readAll(_, scope.query(COLLECTION.caseEvents), { caseId: id })).map((doc) => openEvent(seal, doc.event as Doc)),

    byRequest: (openid, clientRequestId) =>
      readDoc(scope.doc(COLLECTION.caseRequests), requestId(seal.person(openid), clientRequestId), (guard) => String(guard.caseId)),

    create: (state, events, clientRequestId) =>
      scope.atomically(async (doc) => {
        const guardId = clientRequestId ? requestId(seal.person(state.reporter.openid), clientRequestId) : null
        if (guardId) {
          const guard = await getDoc(doc(COLLECTION.caseRequests), guardId)
          if (guard) return { created: false, id: String(guard.caseId) }
        }
        if (await readCase(doc, state.id)) return { created: false, id: state.id }
        if (guardId) await doc(COLLECTION.caseRequests).doc(guardId).set({ caseId: state.id })
        await writeCase(doc, state.id, caseDoc(seal, state, 1, events.length, clientRequestId ?? null))
        await appendEvents(doc, state, 0, events)
        return { created: true, id: state.id }
      }),

    update: (state, expectedVersion, events) =>
      scope.atomically(async (doc) => {
        // Read in the transaction: a concurrent writer of the same document makes one of the two
        // transactions conflict, and the retry then sees the new version here.
        const stored = await readCase(doc, state.id)
        if (!stored || Number(stored.version) !== expectedVersion) throw new VersionConflict(state.id)
        const count = Number(stored.eventCount ?? 0)
        const clientRequestId = (stored.clientRequestId as string | null | undefined) ?? null
        await writeCase(doc, state.id, caseDoc(seal, state, expectedVersion + 1, count + events.length, clientRequestId))
        await appendEvents(doc, state, count, events)
      }),

    // By cursor (pager.ts): each page of the sweep is a range of the (dueAt, _id) index, however deep the backlog.
    due: async (now, limit, after) => {
      const docs = await readPages(_, {
        from: scope.query(COLLECTION.cases),
        where: [{ dueAt: _.lte(now) }],
        orderBy: 'dueAt',
        fields: { dueAt: true },
        after: after && { value: after.dueAt, id: after.id },
        limit,
      })
      return docs.map((doc) => ({ id: String(doc._id), dueAt: String(doc.dueAt) }))
    },

    heldBy: async (orgIds, statuses, limit) => {
      if (orgIds.length === 0) return []
      // One `_.in` list: the orgs a cadre works for are a handful, far from any operator limit.
      const filter: Doc = { holderOrgId: _.in(orgIds) }
      if (statuses?.length) filter.status = _.in(statuses)
      return (await readPages(_, { ...newestChangeFirst, where: [filter], limit })).map(toState)
    },

    reportedBy: async (openid, limit) =>
      (await readPages(_, { ...newestChangeFirst, where: [{ reporterTag: seal.person(openid) }], limit })).map(toState),

    // A range of the (chainIds, submittedAt, _id) index.
    inSubtree: async (orgId, limit, after, range) => {
      const docs = await readPages(_, {
        from: scope.query(COLLECTION.cases),
        where: subtreeWhere(orgId, [], range),
        orderBy: 'submittedAt',
        after: after && { value: after.submittedAt, id: after.id },
        limit,
      })
      return docs.map(toState)
    },

    // A range of the (chainIds, <figure's field>, submittedAt desc, _id desc) index, newest first.
    newestInSubtree: async (orgId, facet, limit, before, range) => {
      const docs = await readPages(_, {
        from: scope.query(COLLECTION.cases),
        where: subtreeWhere(orgId, facetWhere(facet), range),
        orderBy: 'submittedAt',
        direction: 'desc',
        after: before && { value: before.submittedAt, id: before.id },
        limit,
      })
      return docs.map(toState)
    },
  }
}
