/**
 * `account.invite` (邀请): a cadre or convener offers a role at an org as a single-use code and a
 * share link, valid for some days; the person it is meant for redeems it (redeem.action.ts).
 */
import { ROLE_LABELS } from '../../../types/enums'
import { canInvite } from '../../_shared/domain/invitation.rules'
import { defineAction } from '../../_shared/handler/action'
import { conflict, forbidden } from '../../_shared/context/failures'
import { loadPerson } from '../../_shared/cases/load-person'
import { invitationCode } from '../../_shared/orgs/invitation-code'
import { auditOrgChange } from '../../_shared/audit/org-audit'
import { targetOf } from '../invitation-target'

const DAY_MS = 86_400_000

export const invite = defineAction({
  fn: 'account', name: 'invite', kind: 'write', authorization: ['roles.offerMember', 'roles.offerConvener', 'roles.offerCadre', 'roles.offerAdmin'],
  authorize: async (ctx, { role, orgId }) => {
    const inviter = await loadPerson(ctx.deps.store, ctx.openid)
    const target = await targetOf(ctx, orgId)
    if (!canInvite(inviter, role, target)) throw forbidden(`您不能邀请${ROLE_LABELS[role]}到${target.org.name}`)
    return { inviter, org: target.org }
  },
  run: async (ctx, input, { inviter, org }) => {
    const expiresAt = new Date(Date.parse(ctx.now) + (input.expiresInDays ?? 7) * DAY_MS).toISOString()
    // A fresh code that happens to be taken already is drawn again, a few times at most.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = invitationCode(ctx.deps.ids.next('invite'))
      if (await ctx.deps.store.invitations.get(code)) continue
      await ctx.deps.store.invitations.put({
        code,
        role: input.role,
        orgId: org.id,
        createdBy: ctx.openid,
        createdAt: ctx.now,
        expiresAt,
      })
      await auditOrgChange(ctx.deps.store, ctx, {
        orgId: org.id,
        action: 'account.invite',
        actorRole: inviter.roles[0]?.role ?? 'resident',
        targetType: 'role',
        targetId: code,
        summary: `发出邀请：${ROLE_LABELS[input.role]}`,
      })
      return {
        code,
        role: input.role,
        orgId: org.id,
        orgName: org.name,
        expiresAt,
        sharePath: `/pages/join/index?code=${code}`,
      }
    }
    throw conflict('生成邀请码失败，请重试')
  },
})
