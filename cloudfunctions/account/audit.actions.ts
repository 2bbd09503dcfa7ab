/**
 * Reading the audit log: the cadres of an org (and of every org above it) and the admin read what
 * happened in its subtree. Staff are named; residents and the system are shown by role only.
 */
import { ROLE_LABELS, type Role } from '../../types/enums'
import type { AccountResults } from '../../types/account.contract'
import { canReadAudit } from '../_shared/domain/stats.access'
import { forbidden, notFound } from '../_shared/context/failures'
import type { ActionContext } from '../_shared/context/deps'
import { loadPerson } from '../_shared/cases/load-person'
import { orgPath } from '../_shared/orgs/org-path'

const PAGE = 50
const STAFF: readonly string[] = ['member', 'convener', 'cadre', 'admin']

export async function readAudit(
  ctx: ActionContext,
  input: { orgId?: string; before?: { at: string; id: string } },
): Promise<AccountResults['audit']> {
  const person = await loadPerson(ctx.deps.store, ctx.openid)
  const supervising = person.roles.filter((b) => b.role === 'cadre' || b.role === 'admin')
  if (supervising.length === 0) throw forbidden('操作记录仅对妇联干部和管理员开放')
  const orgId = input.orgId ?? supervising[0]!.orgId
  const path = await orgPath(ctx.deps.store, orgId)
  if (path.length === 0) throw notFound('没有找到该组织')
  if (!canReadAudit(person, path.map((o) => o.id))) {
    throw forbidden('只能查看本级及下级组织的操作记录')
  }
  const entries = await ctx.deps.store.audit.inSubtree(path.map((o) => o.id).reverse(), PAGE, input.before)
  const names = new Map<string, string>()
  const nameOf = async (openid: string) => {
    if (!names.has(openid)) names.set(openid, (await ctx.deps.store.people.getUser(openid))?.name ?? '')
    return names.get(openid)!
  }
  const orgNames = new Map<string, string>()
  const items = []
  for (const e of entries) {
    if (!orgNames.has(e.orgId)) orgNames.set(e.orgId, (await ctx.deps.store.orgs.get(e.orgId))?.name ?? '')
    const role = e.actorRole === 'system' ? '系统' : (ROLE_LABELS[e.actorRole as Role | 'resident'] ?? e.actorRole)
    const actor = e.actorOpenid && STAFF.includes(e.actorRole) ? `${(await nameOf(e.actorOpenid)) || '未署名'}（${role}）` : role
    items.push({ id: e.id, at: e.at, actor, action: e.action, orgName: orgNames.get(e.orgId)!, targetType: e.targetType, targetId: e.targetId, summary: e.summary })
  }
  const last = entries[entries.length - 1]
  return { items, ...(entries.length === PAGE && last ? { next: { at: last.at, id: last.id } } : {}) }
}
