/** `account.me` (我的身份): who the caller is — her name, her home village and the roles she holds. */
import { defineAction } from '../../_shared/handler/action'

export const me = defineAction({
  fn: 'account', name: 'me', kind: 'read', authorization: [],
  run: async ({ openid, deps }) => {
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
    const home = user?.homeOrgId ? await deps.store.orgs.get(user.homeOrgId) : null
    return { openid, name: user?.name ?? null, homeOrgId: home?.id ?? null, homeOrgName: home?.name ?? null, roles }
  },
})
