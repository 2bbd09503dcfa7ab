/**
 * People on CloudBase: `users/_id = openid`; `memberships/_id = openid:role:orgId`, so binding twice
 * writes one document.
 */
import type { MembershipRecord, PeopleRepository, UserRecord } from '../../ports/store.port'
import { getDoc, type Doc } from './cloudbase-db'
import { readAll } from './pager'
import type { Scope } from './scope.cloudbase'

export const USERS = 'users'
export const MEMBERSHIPS = 'memberships'

const toMembership = (doc: Doc): MembershipRecord => ({
  openid: String(doc.openid),
  role: doc.role as MembershipRecord['role'],
  orgId: String(doc.orgId),
})
const membershipId = (m: MembershipRecord) => `${m.openid}:${m.role}:${m.orgId}`

export function cloudbasePeople(scope: Scope): PeopleRepository {
  return {
    getUser: async (openid): Promise<UserRecord | null> => {
      const doc = await getDoc(scope.doc(USERS), openid)
      return doc
        ? { openid, name: (doc.name as string | null) ?? null, homeOrgId: (doc.homeOrgId as string | null) ?? null }
        : null
    },
    putUser: async (user) => {
      await scope.doc(USERS).doc(user.openid).set({ name: user.name, homeOrgId: user.homeOrgId })
    },
    rolesOf: async (openid) => (await readAll(scope.command, scope.query(MEMBERSHIPS), { openid })).map(toMembership),
    withRole: async (orgId, role) => (await readAll(scope.command, scope.query(MEMBERSHIPS), { orgId, role })).map(toMembership),
    // Read and write in one transaction, so two racing binds agree on which one was new.
    bind: (m) =>
      scope.atomically(async (doc) => {
        if (await getDoc(doc(MEMBERSHIPS), membershipId(m))) return false
        await doc(MEMBERSHIPS).doc(membershipId(m)).set({ openid: m.openid, role: m.role, orgId: m.orgId })
        return true
      }),
    unbind: (m) =>
      scope.atomically(async (doc) => {
        if (!(await getDoc(doc(MEMBERSHIPS), membershipId(m)))) return false
        await doc(MEMBERSHIPS).doc(membershipId(m)).remove()
        return true
      }),
  }
}
