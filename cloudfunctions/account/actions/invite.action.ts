/**
 * `account.invite` (邀请): a cadre or convener offers a role at an org as a single-use code and a
 * share link, valid for some days; the person it is meant for redeems it (redeem.action.ts).
 */
import { createHash } from 'node:crypto'
import { ROLE_LABELS } from '../../../types/enums'
import { canInvite } from '../../_shared/domain/invitation.rules'
import { addMs, DAY_MS } from '../../_shared/domain/iso-time'
import { defineAction } from '../../_shared/handler/action'
import { conflict, forbidden } from '../../_shared/context/failures'
import { auditOrgChange } from '../../_shared/audit/audit-lines'
import { targetOf } from '../orgs'

/**
 * 8 characters from an alphabet without look-alikes, read out over the phone or typed by an elderly
 * member. Derived from a fresh id (random in production), so the Ids port keeps tests predictable;
 * 31^8 ≈ 8.5·10^11 codes make guessing one hopeless.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

function invitationCode(seed: string): string {
  const digest = createHash('sha256').update(seed).digest()
  let code = ''
  for (let i = 0; i < 8; i++) code += ALPHABET[digest[i]! % ALPHABET.length]
  return code
}

export const invite = defineAction({
  fn: 'account', name: 'invite', kind: 'write', authorization: ['roles.offerMember', 'roles.offerConvener', 'roles.offerCadre', 'roles.offerAdmin'],
  authorize: async (ctx, { role, orgId }) => {
    const inviter = await ctx.person()
    const target = await targetOf(ctx, orgId)
    if (!canInvite(inviter, role, target)) throw forbidden(`您不能邀请${ROLE_LABELS[role]}到${target.org.name}`)
    return { inviter, org: target.org }
  },
  run: async (ctx, input, { inviter, org }) => {
    const expiresAt = addMs(ctx.now, (input.expiresInDays ?? 7) * DAY_MS)
    // A fresh code that happens to be taken already is drawn again, a few times at most.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = invitationCode(ctx.deps.ids.next('invite'))
      if (await ctx.deps.store.invitations.get(code)) continue
      const offered = { code, role: input.role, orgId: org.id, expiresAt }
      await ctx.deps.store.invitations.put({ ...offered, createdBy: ctx.openid, createdAt: ctx.now })
      await auditOrgChange(ctx.deps.store, ctx, {
        orgId: org.id,
        action: 'account.invite',
        actorRole: inviter.roles[0]?.role ?? 'resident',
        targetType: 'role',
        targetId: code,
        summary: `发出邀请：${ROLE_LABELS[input.role]}`,
      })
      return { ...offered, orgName: org.name, sharePath: `/pages/join/index?code=${code}` }
    }
    throw conflict('生成邀请码失败，请重试')
  },
})
