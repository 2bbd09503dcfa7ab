/** `account.revoke` (取消角色): takes a role away, by the same lines as offering it (invite.action.ts). */
import { ROLE_LABELS } from '../../../types/enums'
import { canRevoke } from '../../_shared/domain/invitation.rules'
import { defineAction } from '../../_shared/handler/action'
import { forbidden } from '../../_shared/context/failures'
import { unbindRole } from '../../_shared/orgs/onboarding.service'
import { auditOrgChange } from '../../_shared/audit/audit-lines'
import { targetOf } from '../orgs'

export const revoke = defineAction({
  fn: 'account', name: 'revoke', kind: 'write', authorization: ['roles.offerMember', 'roles.offerConvener', 'roles.offerCadre', 'roles.offerAdmin'],
  authorize: async (ctx, input) => {
    const actor = await ctx.person()
    const target = await targetOf(ctx, input.orgId)
    if (!canRevoke(actor, input, target)) throw forbidden('您没有权限取消该成员的角色')
    return { actor }
  },
  run: async (ctx, input, { actor }) =>
    ctx.deps.store.transaction(async (tx) => {
      const had = (await tx.people.rolesOf(input.openid)).some((m) => m.role === input.role && m.orgId === input.orgId)
      await unbindRole(tx, { openid: input.openid, role: input.role, orgId: input.orgId })
      // Only a role that was there leaves a record: revoking twice is one change.
      if (had) {
        await auditOrgChange(tx, ctx, {
          orgId: input.orgId,
          action: 'account.revoke',
          actorRole: actor.roles[0]?.role ?? 'resident',
          targetType: 'role',
          targetId: input.openid,
          summary: `取消${ROLE_LABELS[input.role]}`,
        })
      }
      return { removed: had }
    }),
})
