/**
 * Deliberations on CloudBase: `deliberations/_id = deliberation id`, the state as a document plus
 * top-level copies of what queries filter and sort on (orgId, status, openedAt, closesAt,
 * remindDueAt) and a `version` for optimistic writes. A ballot transaction reads and rewrites this
 * document, so two ballots at once conflict and one is retried: the counts stay exact.
 */
import type { DeliberationState } from '../../domain/deliberation.state'
import { VersionConflict, type DeliberationRepository, type DueCursor } from '../../ports/store.port'
import { PAGE, getDoc, readUpTo, type Doc } from './cloudbase-db'
import type { Scope } from './scope.cloudbase'

export const DELIBERATIONS = 'deliberations'

/** Set while a reminder is still owed, so the reminder query never meets the reminded or closed ones. */
const remindDueAt = (state: DeliberationState): string | null =>
  state.status === 'open' && state.remindedAt === undefined ? state.remindAt : null

const toDoc = (state: DeliberationState, version: number): Doc => ({
  version,
  orgId: state.orgId,
  status: state.status,
  openedAt: state.openedAt,
  closesAt: state.closesAt,
  remindDueAt: remindDueAt(state),
  caseId: state.caseId ?? null,
  state,
})

const toState = (doc: Doc) => doc.state as DeliberationState

export function cloudbaseDeliberations(scope: Scope): DeliberationRepository {
  const _ = scope.command

  /** Pages (field, _id) ascending under `now`, by cursor: each page is an index range scan. */
  async function due(field: 'closesAt' | 'remindDueAt', base: Doc, now: string, limit: number, after?: DueCursor) {
    const out: DueCursor[] = []
    let cursor = after
    while (out.length < limit) {
      const want = Math.min(PAGE, limit - out.length)
      const filter = cursor
        ? _.and([
            { ...base, [field]: _.lte(now) },
            _.or([{ [field]: _.gt(cursor.dueAt) }, { [field]: cursor.dueAt, _id: _.gt(cursor.id) }]),
          ])
        : { ...base, [field]: _.lte(now) }
      const { data } = await scope
        .query(DELIBERATIONS)
        .where(filter)
        .orderBy(field, 'asc')
        .orderBy('_id', 'asc')
        .field({ [field]: true })
        .limit(want)
        .get()
      const page = data.map((doc) => ({ id: String(doc._id), dueAt: String(doc[field]) }))
      out.push(...page)
      if (page.length < want) break
      cursor = page[page.length - 1]
    }
    return out
  }

  return {
    get: async (id) => {
      const doc = await getDoc(scope.doc(DELIBERATIONS), id)
      return doc ? { state: toState(doc), version: Number(doc.version) } : null
    },

    create: (state) =>
      scope.atomically(async (doc) => {
        if (await getDoc(doc(DELIBERATIONS), state.id)) return false
        await doc(DELIBERATIONS).doc(state.id).set(toDoc(state, 1))
        return true
      }),

    update: (state, expectedVersion) =>
      scope.atomically(async (doc) => {
        // Read in the transaction: a concurrent writer makes one of the two transactions conflict.
        const stored = await getDoc(doc(DELIBERATIONS), state.id)
        if (!stored || Number(stored.version) !== expectedVersion) throw new VersionConflict(state.id)
        await doc(DELIBERATIONS).doc(state.id).set(toDoc(state, expectedVersion + 1))
      }),

    ofOrgs: async (orgIds, status, limit) => {
      if (orgIds.length === 0) return []
      const filter: Doc = { orgId: _.in(orgIds) }
      if (status) filter.status = status
      const query = scope.query(DELIBERATIONS).where(filter).orderBy('openedAt', 'desc').orderBy('_id', 'desc')
      return (await readUpTo(query, limit)).map(toState)
    },

    dueToClose: (now, limit, after) => due('closesAt', { status: 'open' }, now, limit, after),

    dueForReminder: (now, limit, after) => due('remindDueAt', {}, now, limit, after),
  }
}
