/**
 * Reporter contact details on CloudBase: `contacts/_id = case id`, apart from the case so a purge
 * removes one document and leaves the case and its timeline alone.
 */
import type { ContactRecord, ContactRepository } from '../../ports/store.port'
import { getDoc, type Doc } from './cloudbase-db'
import { readPages } from './pager'
import type { Scope } from './scope.cloudbase'

export const CONTACTS = 'contacts'

const toContact = (doc: Doc): ContactRecord => ({
  caseId: String(doc._id),
  ...(typeof doc.phoneCipher === 'string' ? { phoneCipher: doc.phoneCipher } : {}),
  ...(typeof doc.addressCipher === 'string' ? { addressCipher: doc.addressCipher } : {}),
  ...(typeof doc.address === 'string' ? { address: doc.address } : {}),
  ...(typeof doc.residentNameCipher === 'string' ? { residentNameCipher: doc.residentNameCipher } : {}),
  ...(typeof doc.residentPhoneCipher === 'string' ? { residentPhoneCipher: doc.residentPhoneCipher } : {}),
  createdAt: String(doc.createdAt),
})

export function cloudbaseContacts(scope: Scope): ContactRepository {
  return {
    // set() replaces the whole document: a field the new record lacks is gone, as SQLite's upsert does.
    put: async ({ caseId, ...fields }) => {
      await scope.doc(CONTACTS).doc(caseId).set(fields)
    },
    get: async (caseId) => {
      const doc = await getDoc(scope.doc(CONTACTS), caseId)
      return doc ? toContact(doc) : null
    },
    remove: async (caseId) => {
      await scope.doc(CONTACTS).doc(caseId).remove()
    },
    schedulePurge: async (caseId, purgeAfter) => {
      const doc = await getDoc(scope.doc(CONTACTS), caseId)
      if (!doc) return
      const { _id, ...fields } = doc
      await scope.doc(CONTACTS).doc(caseId).set({ ...fields, purgeAfter })
    },
    duePurge: async (now, limit) => {
      const _ = scope.command
      const where = [{ purgeAfter: _.lte(now) }]
      const docs = await readPages(_, { from: scope.query(CONTACTS), where, orderBy: 'purgeAfter', limit })
      return docs.map((doc) => String(doc._id))
    },
  }
}
