/**
 * Onboarding by invitation: a cadre or convener offers a role at an org as a code (and a share link);
 * the person it is meant for redeems it once, before it expires. Revoking follows the same lines.
 */
import { ROLE_LABELS } from '../../types/enums'
import type { AccountResults } from '../../types/account.contract'
import type { Role } from '../../types/enums'
import { canInvite, canListMembers, canRevoke } from '../_shared/domain/invitation.rules'
import { conflict, forbidden, notFound } from '../_shared/context/failures'
import type { ActionContext } from '../_shared/context/deps'
import { loadPerson } from '../_shared/cases/load-person'
import { orgPath } from '../_shared/orgs/org-path'
import { bindRole, unbindRole } from '../_shared/orgs/onboarding.service'
import { invitationCode } from '../_shared/orgs/invitation-code'
import { auditOrgChange } from '../_shared/audit/org-audit'

const DAY_MS = 86_400_000

async function targetOf(ctx: ActionContext, orgId: string) {
  const path = await orgPath(ctx.deps.store, orgId)
  const org = path[0]
  if (!org) throw notFound('没有找到该组织')
  return { org, level: org.level, path: path.map((o) => o.id) }
}

export async function invite(
  ctx: ActionContext,
  input: { role: Role; orgId: string; expiresInDays?: number },
): Promise<AccountResults['invite']> {
  const inviter = await loadPerson(ctx.deps.store, ctx.openid)
  const target = await targetOf(ctx, input.orgId)
  if (!canInvite(inviter, input.role, target)) {
    throw forbidden(`您不能邀请${ROLE_LABELS[input.role]}到${target.org.name}`)
  }
  const expiresAt = new Date(Date.parse(ctx.now) + (input.expiresInDays ?? 7) * DAY_MS).toISOString()
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = invitationCode(ctx.deps.ids.next('invite'))
    if (await ctx.deps.store.invitations.get(code)) continue
    await ctx.deps.store.invitations.put({
      code,
      role: input.role,
      orgId: target.org.id,
      createdBy: ctx.openid,
      createdAt: ctx.now,
      expiresAt,
    })
    await auditOrgChange(ctx.deps.store, ctx, {
      orgId: target.org.id,
      action: 'account.invite',
      actorRole: inviter.roles[0]?.role ?? 'resident',
      targetType: 'role',
      targetId: code,
      summary: `发出邀请：${ROLE_LABELS[input.role]}`,
    })
    return {
      code,
      role: input.role,
      orgId: target.org.id,
      orgName: target.org.name,
      expiresAt,
      sharePath: `/pages/join/index?code=${code}`,
    }
  }
  throw conflict('生成邀请码失败，请重试')
}

export async function redeem(ctx: ActionContext, { code }: { code: string }): Promise<AccountResults['redeem']> {
  const { store } = ctx.deps
  return store.transaction(async (tx) => {
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
    if (!(await tx.people.getUser(ctx.openid))) {
      await tx.people.putUser({ openid: ctx.openid, name: null, homeOrgId: org.level === 'village' ? org.id : null })
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
  })
}

export async function members(ctx: ActionContext, { orgId }: { orgId: string }): Promise<AccountResults['members']> {
  const viewer = await loadPerson(ctx.deps.store, ctx.openid)
  const target = await targetOf(ctx, orgId)
  // Whoever may offer a seat here may see who sits here.
  if (!canListMembers(viewer, target)) throw forbidden('您没有权限查看该组织的成员')
  const items = []
  for (const role of ['convener', 'member', 'cadre', 'admin'] as Role[]) {
    for (const m of await ctx.deps.store.people.withRole(orgId, role)) {
      items.push({ openid: m.openid, name: (await ctx.deps.store.people.getUser(m.openid))?.name ?? null, role })
    }
  }
  return { items }
}

export async function revoke(
  ctx: ActionContext,
  input: { openid: string; role: Role; orgId: string },
): Promise<AccountResults['revoke']> {
  const actor = await loadPerson(ctx.deps.store, ctx.openid)
  const target = await targetOf(ctx, input.orgId)
  if (!canRevoke(actor, input, target)) throw forbidden('您没有权限取消该成员的角色')
  return ctx.deps.store.transaction(async (tx) => {
    const had = (await tx.people.rolesOf(input.openid)).some((m) => m.role === input.role && m.orgId === input.orgId)
    await unbindRole(tx, { openid: input.openid, role: input.role, orgId: input.orgId })
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
  })
}
