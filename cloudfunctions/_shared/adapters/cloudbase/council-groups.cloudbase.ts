/** Council group chats on CloudBase: `council_groups/_id = openGId`. */
import type { CouncilGroupRecord, CouncilGroupRepository } from '../../ports/store.port'
import { COLLECTION, readDoc, setDoc, type Doc } from './cloudbase-db'
import { readAll } from './pager'
import type { Scope } from './scope.cloudbase'

const toGroup = (doc: Doc): CouncilGroupRecord => ({
  openGId: String(doc._id),
  orgId: String(doc.orgId),
  boundBy: String(doc.boundBy),
  boundAt: String(doc.boundAt),
})

export function cloudbaseCouncilGroups(scope: Scope): CouncilGroupRepository {
  return {
    get: (openGId) => readDoc(scope.doc(COLLECTION.councilGroups), openGId, toGroup),
    put: ({ openGId, ...fields }) => setDoc(scope.doc(COLLECTION.councilGroups), openGId, fields),
    ofOrg: async (orgId) => (await readAll(scope.command, scope.query(COLLECTION.councilGroups), { orgId })).map(toGroup),
  }
}
