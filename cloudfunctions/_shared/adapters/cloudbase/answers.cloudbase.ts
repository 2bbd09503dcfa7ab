/**
 * Standard answers on CloudBase: `answers/_id = answer id`, the record's fields as the document. An
 * org's list is a range of the (orgId, retired, updatedAt desc, _id desc) index (indexes.json).
 */
import type { AnswerRecord, AnswerRepository } from '../../ports/store.port'
import { COLLECTION, readDoc, setDoc, withKey, type Doc } from './cloudbase-db'
import { readPages } from './pager'
import type { Scope } from './scope.cloudbase'

const toAnswer = withKey<AnswerRecord>('id')

export function cloudbaseAnswers(scope: Scope): AnswerRepository {
  const _ = scope.command
  return {
    get: (id) => readDoc(scope.doc(COLLECTION.answers), id, toAnswer),
    put: ({ id, ...fields }) => setDoc(scope.doc(COLLECTION.answers), id, fields),
    ofOrg: async (orgId, { includeRetired, limit }) => {
      const filter: Doc = includeRetired ? { orgId, retired: _.in([false, true]) } : { orgId, retired: false }
      const docs = await readPages(_, { from: scope.query(COLLECTION.answers), where: [filter], orderBy: 'updatedAt', direction: 'desc', limit })
      return docs.map(toAnswer)
    },
  }
}
