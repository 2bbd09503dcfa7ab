/** `account`: who the caller is, the org tree, and who holds which role (onboarding by invitation). */
import { defineFunction } from '../_shared/handler/define-function'
import { notFound } from '../_shared/context/failures'
import type { OrgRecord } from '../_shared/ports/store.port'
import { invite, members, redeem, revoke } from './invitations.actions'
import { importOrgs, moveVillage, renameOrg } from './org-tree.actions'
import { readAudit } from './audit.actions'

export const accountFunction = defineFunction('account', {
  me: async ({ openid, deps }) => {
    const [user, memberships] = await Promise.all([
      deps.store.people.getUser(openid),
      deps.store.people.rolesOf(openid),
    ])
    const roles = []
    for (const membership of memberships) {
      const org = await deps.store.orgs.get(membership.orgId)
      // A binding to an org that was since removed from the tree grants nothing: leave it out.
      if (org) roles.push({ role: membership.role, orgId: org.id, orgName: org.name, level: org.level })
    }
    return { openid, name: user?.name ?? null, homeOrgId: user?.homeOrgId ?? null, roles }
  },

  orgs: async ({ deps }, { parentId }) => {
    if (parentId !== undefined && !(await deps.store.orgs.get(parentId))) {
      throw notFound('没有找到该地区，请重新选择')
    }
    const children = await deps.store.orgs.children(parentId ?? null)
    const withChildren = await deps.store.orgs.withChildren(children.map((org) => org.id))
    return { items: children.map((org) => ({ ...org, hasChildren: withChildren.has(org.id) })) }
  },

  path: async ({ deps }, { orgId }) => {
    const items = []
    const seen = new Set<string>()
    for (let id: string | null = orgId; id && !seen.has(id); ) {
      seen.add(id)
      const org: OrgRecord | null = await deps.store.orgs.get(id)
      if (!org) break
      items.unshift({ ...org, hasChildren: org.level !== 'village' })
      id = org.parentId
    }
    if (items.length === 0) throw notFound('没有找到该地区，请重新选择')
    return { items }
  },

  invite,
  redeem,
  members,
  revoke,
  renameOrg,
  moveVillage,
  importOrgs,
  audit: readAudit,
})
