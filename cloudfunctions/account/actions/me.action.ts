/**
 * `account.me` (我的身份): who the caller is — her name, her home village, the roles she holds, the
 * number she shows residents, and her village's council with its convener's name and published number
 * (首页's 我的议事会: whom to turn to, one tap to call).
 */
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
    const village = roles.find((b) => b.level === 'village') ?? (home?.level === 'village' ? { orgId: home.id, orgName: home.name } : undefined)
    const convener = village ? (await deps.store.people.withRole(village.orgId, 'convener'))[0] : undefined
    const convenerUser = convener ? await deps.store.people.getUser(convener.openid) : null
    const council = village
      ? { orgId: village.orgId, name: `${village.orgName}议事会`, convener: convenerUser?.name ?? null, convenerPhone: convenerUser?.publicPhone ?? null }
      : null
    return { openid, name: user?.name ?? null, homeOrgId: home?.id ?? null, homeOrgName: home?.name ?? null, roles, publicPhone: user?.publicPhone ?? null, council }
  },
})
