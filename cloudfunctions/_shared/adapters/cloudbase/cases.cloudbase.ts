/**
 * Cases and their timelines on CloudBase.
 *
 * - `cases/_id = case id`: the state as a document, plus top-level copies of what queries filter and
 *   sort on (status, holderOrgId, reporterTag, dueAt, updatedAt), a `version` for optimistic
 *   writes and `eventCount`, the timeline's length, so appending needs no query.
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
import { nextDue } from '../../domain/case.timers'
import { LEVELS } from '../../../../types/enums'
import { VersionConflict, type CaseRepository, type DueCursor, type SubtreeCursor } from '../../ports/store.port'
import { PAGE, getDoc, readAll, readUpTo, type Doc } from './cloudbase-db'
import type { Collections, Scope } from './scope.cloudbase'
import { openCase, openEvent, sealCase, sealEvent, type IdentitySeal } from '../sealed-identity'

export const CASES = 'cases'
export const CASE_EVENTS = 'case_events'
export const CASE_REQUESTS = 'case_requests'

/** Enough for any timeline; the width only has to be fixed so ids sort as numbers. */
const SEQ_DIGITS = 6
const eventId = (caseId: string, seq: number) => `${caseId}:${String(seq).padStart(SEQ_DIGITS, '0')}`
export const requestId = (reporterTag: string, clientRequestId: string) => `${reporterTag}:${clientRequestId}`

export function caseDoc(seal: IdentitySeal, state: CaseState, version: number, eventCount: number, clientRequestId: string | null): Doc {
  return {
    version,
    status: state.status,
    holderOrgId: state.holderOrgId,
    reporterTag: seal.person(state.reporter.openid),
    clientRequestId,
    // Kept on every write, as in cases.sqlite.ts: the sweep finds due cases by this field alone.
    dueAt: nextDue(state)?.at ?? null,
    updatedAt: state.updatedAt,
    // The chain's org ids (a multikey index) and the submission time: a subtree's cases in order.
    chainIds: LEVELS.map((level) => state.chain[level]),
    submittedAt: state.submittedAt,
    eventCount,
    state: sealCase(seal, state),
  }
}

export function cloudbaseCases(scope: Scope, seal: IdentitySeal): CaseRepository {
  const _ = scope.command
  const toState = (doc: Doc) => openCase(seal, doc.state as Doc)

  async function appendEvents(doc: Collections, state: CaseState, after: number, events: CaseEvent[]) {
    // One at a time: a transaction's operations share one session and must not overlap.
    for (const [i, event] of events.entries()) {
      const seq = after + i + 1
      const stored = sealEvent(seal, event, state.reporter.openid)
      await doc(CASE_EVENTS).doc(eventId(state.id, seq)).set({ caseId: state.id, seq, type: event.type, at: event.at, event: stored })
    }
  }

  return {
    get: async (id) => {
      const doc = await getDoc(scope.doc(CASES), id)
      return doc ? { state: toState(doc), version: Number(doc.version) } : null
    },

    timeline: async (id) =>
      (await readAll(scope.query(CASE_EVENTS).where({ caseId: id }))).map((doc) => openEvent(seal, doc.event as Doc)),

    byRequest: async (openid, clientRequestId) => {
      const guard = await getDoc(scope.doc(CASE_REQUESTS), requestId(seal.person(openid), clientRequestId))
      return guard ? String(guard.caseId) : null
    },

    create: (state, events, clientRequestId) =>
      scope.atomically(async (doc) => {
        const guardId = clientRequestId ? requestId(seal.person(state.reporter.openid), clientRequestId) : null
        if (guardId) {
          const guard = await getDoc(doc(CASE_REQUESTS), guardId)
          if (guard) return { created: false, id: String(guard.caseId) }
        }
        if (await getDoc(doc(CASES), state.id)) return { created: false, id: state.id }
        if (guardId) await doc(CASE_REQUESTS).doc(guardId).set({ caseId: state.id })
        await doc(CASES).doc(state.id).set(caseDoc(seal, state, 1, events.length, clientRequestId ?? null))
        await appendEvents(doc, state, 0, events)
        return { created: true, id: state.id }
      }),

    update: (state, expectedVersion, events) =>
      scope.atomically(async (doc) => {
        // Read in the transaction: a concurrent writer of the same document makes one of the two
        // transactions conflict, and the retry then sees the new version here.
        const stored = await getDoc(doc(CASES), state.id)
        if (!stored || Number(stored.version) !== expectedVersion) throw new VersionConflict(state.id)
        const count = Number(stored.eventCount ?? 0)
        const clientRequestId = (stored.clientRequestId as string | null | undefined) ?? null
        await doc(CASES).doc(state.id).set(caseDoc(seal, state, expectedVersion + 1, count + events.length, clientRequestId))
        await appendEvents(doc, state, count, events)
      }),

    due: async (now, limit, after) => {
      const out: DueCursor[] = []
      let cursor = after
      // Page by cursor rather than skip: each page is an index range scan, however deep the backlog.
      while (out.length < limit) {
        const want = Math.min(PAGE, limit - out.length)
        const filter = cursor
          ? _.and([
              { dueAt: _.lte(now) },
              _.or([{ dueAt: _.gt(cursor.dueAt) }, { dueAt: cursor.dueAt, _id: _.gt(cursor.id) }]),
            ])
          : { dueAt: _.lte(now) }
        const { data } = await scope
          .query(CASES)
          .where(filter)
          .orderBy('dueAt', 'asc')
          .orderBy('_id', 'asc')
          .field({ dueAt: true })
          .limit(want)
          .get()
        const page = data.map((doc) => ({ id: String(doc._id), dueAt: String(doc.dueAt) }))
        out.push(...page)
        if (page.length < want) break
        cursor = page[page.length - 1]
      }
      return out
    },

    heldBy: async (orgIds, statuses, limit) => {
      if (orgIds.length === 0) return []
      // One `_.in` list: the orgs a cadre works for are a handful, far from any operator limit.
      const filter: Doc = { holderOrgId: _.in(orgIds) }
      if (statuses?.length) filter.status = _.in(statuses)
      const query = scope.query(CASES).where(filter).orderBy('updatedAt', 'desc').orderBy('_id', 'desc')
      return (await readUpTo(query, limit)).map(toState)
    },

    reportedBy: async (openid, limit) => {
      const query = scope
        .query(CASES)
        .where({ reporterTag: seal.person(openid) })
        .orderBy('updatedAt', 'desc')
        .orderBy('_id', 'desc')
      return (await readUpTo(query, limit)).map(toState)
    },

    inSubtree: async (orgId, limit, after, range) => {
      const out: CaseState[] = []
      let cursor: SubtreeCursor | undefined = after
      // By cursor, as `due` pages: each page is a range of the (chainIds, submittedAt, _id) index.
      while (out.length < limit) {
        const want = Math.min(PAGE, limit - out.length)
        const conditions: Doc[] = [{ chainIds: orgId }]
        if (range?.from) conditions.push({ submittedAt: _.gte(range.from) })
        if (range?.to) conditions.push({ submittedAt: _.lt(range.to) })
        if (cursor) {
          conditions.push(
            _.or([{ submittedAt: _.gt(cursor.submittedAt) }, { submittedAt: cursor.submittedAt, _id: _.gt(cursor.id) }]),
          )
        }
        const { data } = await scope
          .query(CASES)
          .where(_.and(conditions))
          .orderBy('submittedAt', 'asc')
          .orderBy('_id', 'asc')
          .limit(want)
          .get()
        const page = data.map(toState)
        out.push(...page)
        if (page.length < want) break
        const last = page[page.length - 1]!
        cursor = { submittedAt: last.submittedAt, id: last.id }
      }
      return out
    },
  }
}
