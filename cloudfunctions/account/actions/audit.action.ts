/**
 * `account.audit` (操作记录): the audit log of an org's subtree, newest first, a page at a time, for
 * the cadres of that org or above and the admin. Staff are named; residents and the system are shown
 * by role only.
 */
import { ROLE_LABELS, type Role } from '../../../types/enums'
import { canReadAudit } from '../../_shared/domain/stats.access'
import { defineAction } from '../../_shared/handler/action'
import { forbidden, notFound } from '../../_shared/context/failures'
import { OrgNames, orgPath } from '../../_shared/orgs/org-path'

const PAGE = 50
const STAFF: readonly string[] = ['member', 'convener', 'cadre', 'admin']

export const audit = defineAction({
  fn: 'account', name: 'audit', kind: 'read', authorization: ['audit.read'],
  /** The org's path, its id first, up to the root: the log is read along it. */
  authorize: async (ctx, input) => {
    const person = await ctx.person()
    const supervising = person.roles.filter((b) => b.role === 'cadre' || b.role === 'admin')
    if (supervising.length === 0) throw forbidden('操作记录仅对妇联干部和管理员开放')
    // Without an org: the first org she supervises.
    const path = (await orgPath(ctx.deps.store, input.orgId ?? supervising[0]!.orgId)).map((o) => o.id)
    if (path.length === 0) throw notFound('没有找到该组织')
    if (!canReadAudit(person, path)) throw forbidden('只能查看本级及下级组织的操作记录')
    return { path }
  },
  run: async (ctx, input, { path }) => {
    const entries = await ctx.deps.store.audit.inSubtree([...path].reverse(), PAGE, input.before)
    const names = new Map<string, string>()
    const nameOf = async (openid: string) => {
      if (!names.has(openid)) names.set(openid, (await ctx.deps.store.people.getUser(openid))?.name ?? '')
      return names.get(openid)!
    }
    const orgName = await new OrgNames(ctx.deps.store).load(entries.map((e) => e.orgId))
    const items = []
    for (const e of entries) {
      const role = e.actorRole === 'system' ? '系统' : (ROLE_LABELS[e.actorRole as Role | 'resident'] ?? e.actorRole)
      const actor = e.actorOpenid && STAFF.includes(e.actorRole) ? `${(await nameOf(e.actorOpenid)) || '未署名'}（${role}）` : role
      items.push({ id: e.id, at: e.at, actor, action: e.action, orgName: orgName(e.orgId), targetType: e.targetType, targetId: e.targetId, summary: e.summary })
    }
    const last = entries[entries.length - 1]
    return { items, ...(entries.length === PAGE && last ? { next: { at: last.at, id: last.id } } : {}) }
  },
})
