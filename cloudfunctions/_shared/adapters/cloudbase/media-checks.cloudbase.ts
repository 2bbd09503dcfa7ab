/**
 * Content checks of case photos on CloudBase: `media_checks/_id = traceId`; `settle` reads and writes in
 * one transaction, so a verdict is recorded once however many pushes race.
 */
import type { MediaCheckRecord, MediaCheckRepository } from '../../ports/store.port'
import { COLLECTION, readDoc, setDoc, withKey } from './cloudbase-db'
import { readAll } from './pager'
import { rewriteDoc, type Scope } from './scope.cloudbase'

const toCheck = withKey<MediaCheckRecord>('traceId')

export function cloudbaseMediaChecks(scope: Scope): MediaCheckRepository {
  return {
    put: ({ traceId, ...fields }) => setDoc(scope.doc(COLLECTION.mediaChecks), traceId, fields),
    get: (traceId) => readDoc(scope.doc(COLLECTION.mediaChecks), traceId, toCheck),
    settle: (traceId, { verdict, label, at }) =>
      rewriteDoc(scope, COLLECTION.mediaChecks, traceId, (current) =>
        current && !current.verdict ? { ...current, verdict, ...(label !== undefined && { label }), settledAt: at } : null,
      ),
    ofCase: async (caseId) => (await readAll(scope.command, scope.query(COLLECTION.mediaChecks), { caseId })).map(toCheck),
  }
}
