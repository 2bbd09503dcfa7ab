/**
 * Reporter contact details on CloudBase: `contacts/_id = case id`, apart from the case so a purge
 * removes one document and leaves the case and its timeline alone.
 */
import type { ContactRecord, ContactRepository } from '../../ports/store.port'
import { COLLECTION, readDoc, setDoc, type Doc } from './cloudbase-db'
import { readPages } from './pager'
import { rewriteDoc, type Scope } from './scope.cloudbase'

/** Only the record's own fields, each only when it is text (a purge schedule is no field of the record). */
const OPTIONAL = ['phoneCipher', 'addressCipher', 'address', 'residentNameCipher', 'residentPhoneCipher'] as const

const toContact = (doc: Doc): ContactRecord => ({
  caseId: String(doc._id),
  ...Object.fromEntries(OPTIONAL.filter((key) => typeof doc[key] === 'string').map((key) => [key, doc[key]])),
  createdAt: String(doc.createdAt),
})

export function cloudbaseContacts(scope: Scope): ContactRepository {
  return {
    // set() replaces the whole document: a field the new record lacks is gone, as SQLite's upsert does.
    put: ({ caseId, ...fields }) => setDoc(scope.doc(COLLECTION.contacts), caseId, fields),
    get: (caseId) => readDoc(scope.doc(COLLECTION.contacts), caseId, toContact),
    remove: async (caseId) => {
      await scope.doc(COLLECTION.contacts).doc(caseId).remove()
    },
    schedulePurge: async (caseId, purgeAfter) => {
      await rewriteDoc(scope, COLLECTION.contacts, caseId, (current) => current && { ...current, purgeAfter })
    },
    duePurge: async (now, limit) => {
      const _ = scope.command
      const where = [{ purgeAfter: _.lte(now) }]
      const docs = await readPages(_, { from: scope.query(COLLECTION.contacts), where, orderBy: 'purgeAfter', limit })
      return docs.map((doc) => String(doc._id))
    },
  }
}
