/** `account.members` (成员名单): who holds which role at an org, for whoever may offer a seat there. */
import type { Role } from '../../../types/enums'
import { canListMembers } from '../../_shared/domain/invitation.rules'
import { defineAction } from '../../_shared/handler/action'
import { forbidden } from '../../_shared/context/failures'
import { targetOf } from '../orgs'

const LISTED_ROLES: readonly Role[] = ['convener', 'member', 'cadre', 'admin']

export const members = defineAction({
  fn: 'account', name: 'members', kind: 'read', authorization: ['roles.list'],
  authorize: async (ctx, { orgId }) => {
    const viewer = await ctx.person()
    const target = await targetOf(ctx, orgId)
    // Whoever may offer a seat here may see who sits here.
    if (!canListMembers(viewer, target)) throw forbidden('您没有权限查看该组织的成员')
  },
  run: async ({ deps }, { orgId }) => {
    const items = []
    for (const role of LISTED_ROLES) {
      for (const m of await deps.store.people.withRole(orgId, role)) {
        items.push({ openid: m.openid, name: (await deps.store.people.getUser(m.openid))?.name ?? null, role })
      }
    }
    return { items }
  },
})
