/** `account.redeem` (使用邀请码): she takes the role an invitation offers, once, before it expires. */
import { ROLE_LABELS } from '../../../types/enums'
import { defineAction } from '../../_shared/handler/action'
import { conflict, notFound } from '../../_shared/context/failures'
import { bindRole } from '../../_shared/orgs/onboarding.service'
import { auditOrgChange } from '../../_shared/audit/audit-lines'

export const redeem = defineAction({
  fn: 'account',
  name: 'redeem',
  kind: 'write',
  // Whoever holds the code may use it: the code is the permission, given by someone who may offer it.
  authorization: [],
  run: async (ctx, { code }) =>
    ctx.deps.store.transaction(async (tx) => {
      const invitation = await tx.invitations.get(code)
      if (!invitation) throw notFound('邀请码不存在，请核对后重新输入')
      if (invitation.usedBy === ctx.openid) throw conflict('您已经使用过这个邀请码')
      if (invitation.usedBy) throw conflict('这个邀请码已被使用，请向邀请人要一个新的')
      if (invitation.expiresAt <= ctx.now) throw conflict('这个邀请码已过期，请向邀请人要一个新的')
      const org = await tx.orgs.get(invitation.orgId)
      if (!org) throw notFound('邀请所在的组织已不存在')
      if (!(await tx.invitations.use(code, ctx.openid, ctx.now))) throw conflict('这个邀请码已被使用，请向邀请人要一个新的')
      await bindRole(tx, { openid: ctx.openid, role: invitation.role, orgId: org.id })
      // A convener runs the council she sits on: she is a member too (and counts as one).
      if (invitation.role === 'convener') await bindRole(tx, { openid: ctx.openid, role: 'member', orgId: org.id })
      // A newcomer gets a record; someone known keeps hers as it is (her name, home, published number).
      if (!(await tx.people.getUser(ctx.openid))) {
        await tx.people.putUser({ openid: ctx.openid, name: null, homeOrgId: org.level === 'village' ? org.id : null, publicPhone: null })
      }
      await auditOrgChange(tx, ctx, {
        orgId: org.id,
        action: 'account.redeem',
        actorRole: invitation.role,
        targetType: 'role',
        targetId: code,
        summary: `凭邀请码成为${ROLE_LABELS[invitation.role]}`,
      })
      return { role: invitation.role, orgId: org.id, orgName: org.name, level: org.level }
    }),
})
