/**
 * Content checks of case photos on CloudBase: `media_checks/_id = traceId`; `settle` reads and writes in
 * one transaction, so a verdict is recorded once however many pushes race.
 */
import type { MediaCheckRecord, MediaCheckRepository } from '../../ports/store.port'
import { getDoc, type Doc } from './cloudbase-db'
import { readAll } from './pager'
import type { Scope } from './scope.cloudbase'

export const MEDIA_CHECKS = 'media_checks'

const toCheck = (doc: Doc): MediaCheckRecord => {
  const { _id, ...rest } = doc
  return { ...(rest as Omit<MediaCheckRecord, 'traceId'>), traceId: String(_id) }
}

export function cloudbaseMediaChecks(scope: Scope): MediaCheckRepository {
  return {
    put: async ({ traceId, ...fields }) => {
      await scope.doc(MEDIA_CHECKS).doc(traceId).set(fields)
    },
    get: async (traceId) => {
      const doc = await getDoc(scope.doc(MEDIA_CHECKS), traceId)
      return doc ? toCheck(doc) : null
    },
    settle: (traceId, { verdict, label, at }) =>
      scope.atomically(async (doc) => {
        const current = await getDoc(doc(MEDIA_CHECKS), traceId)
        if (!current || current.verdict) return false
        const { _id, ...fields } = current
        await doc(MEDIA_CHECKS).doc(traceId).set({ ...fields, verdict, ...(label !== undefined && { label }), settledAt: at })
        return true
      }),
    ofCase: async (caseId) => (await readAll(scope.command, scope.query(MEDIA_CHECKS), { caseId })).map(toCheck),
  }
}
