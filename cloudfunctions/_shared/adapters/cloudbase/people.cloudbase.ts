/**
 * People on CloudBase: `users/_id = her tag` (sealed-identity.ts: a resident's record, her village
 * remembered from her first named report, must not name her at rest; documents written before are
 * read by openid); `memberships/_id = openid:role:orgId`, so binding twice
 * writes one document.
 */
import type { MembershipRecord, PeopleRepository, UserRecord } from '../../ports/store.port'
import { COLLECTION, getDoc, readDoc, setDoc, type Doc } from './cloudbase-db'
import { readAll } from './pager'
import { rewriteDoc, type Scope } from './scope.cloudbase'
import type { IdentitySeal } from '../sealed-identity'

const toMembership = (doc: Doc): MembershipRecord => ({
  openid: String(doc.openid),
  role: doc.role as MembershipRecord['role'],
  orgId: String(doc.orgId),
})
const toUser = (openid: string) => (doc: Doc): UserRecord => ({
  openid,
  name: (doc.name as string | null) ?? null,
  homeOrgId: (doc.homeOrgId as string | null) ?? null,
  // Documents written before people could publish a number have no such field.
  publicPhone: (doc.publicPhone as string | null | undefined) ?? null,
})
const membershipId = (m: MembershipRecord) => `${m.openid}:${m.role}:${m.orgId}`

export function cloudbasePeople(scope: Scope, seal: IdentitySeal): PeopleRepository {
  return {
    getUser: async (openid) =>
      (await readDoc(scope.doc(COLLECTION.users), seal.person(openid), toUser(openid))) ??
      readDoc(scope.doc(COLLECTION.users), openid, toUser(openid)),
    putUser: (user) =>
      setDoc(scope.doc(COLLECTION.users), seal.person(user.openid), { name: user.name, homeOrgId: user.homeOrgId, publicPhone: user.publicPhone }),
    rolesOf: async (openid) => (await readAll(scope.command, scope.query(COLLECTION.memberships), { openid })).map(toMembership),
    withRole: async (orgId, role) => (await readAll(scope.command, scope.query(COLLECTION.memberships), { orgId, role })).map(toMembership),
    // On the same (orgId, role) index as withRole (indexes.json memberships_by_org_role); the order
    // the port promises is put back here, as `_id` sorts by person first.
    withRoles: async (orgId, roles) => {
      if (roles.length === 0) return []
      const found = (await readAll(scope.command, scope.query(COLLECTION.memberships), { orgId, role: scope.command.in([...roles]) })).map(toMembership)
      const rank = (m: MembershipRecord) => roles.indexOf(m.role)
      return found.sort((a, b) => rank(a) - rank(b) || (a.openid < b.openid ? -1 : a.openid > b.openid ? 1 : 0))
    },
    // Read and write in one transaction, so two racing binds agree on which one was new.
    bind: (m) =>
      rewriteDoc(scope, COLLECTION.memberships, membershipId(m), (current) => (current ? null : { openid: m.openid, role: m.role, orgId: m.orgId })),
    unbind: (m) =>
      scope.atomically(async (doc) => {
        if (!(await getDoc(doc(COLLECTION.memberships), membershipId(m)))) return false
        await doc(COLLECTION.memberships).doc(membershipId(m)).remove()
        return true
      }),
  }
}
