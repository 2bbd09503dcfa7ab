/** Council group chats on CloudBase: `council_groups/_id = openGId`. */
import type { CouncilGroupRecord, CouncilGroupRepository } from '../../ports/store.port'
import { getDoc, type Doc } from './cloudbase-db'
import { readAll } from './pager'
import type { Scope } from './scope.cloudbase'

export const COUNCIL_GROUPS = 'council_groups'

const toGroup = (doc: Doc): CouncilGroupRecord => ({
  openGId: String(doc._id),
  orgId: String(doc.orgId),
  boundBy: String(doc.boundBy),
  boundAt: String(doc.boundAt),
})

export function cloudbaseCouncilGroups(scope: Scope): CouncilGroupRepository {
  return {
    get: async (openGId) => {
      const doc = await getDoc(scope.doc(COUNCIL_GROUPS), openGId)
      return doc ? toGroup(doc) : null
    },
    put: async ({ openGId, ...fields }) => {
      await scope.doc(COUNCIL_GROUPS).doc(openGId).set(fields)
    },
    ofOrg: async (orgId) => (await readAll(scope.command, scope.query(COUNCIL_GROUPS), { orgId })).map(toGroup),
  }
}
