/** What the account actions share about orgs: who keeps the tree, whose roles an action is about, how an org is shown. */
import type { OrgNode } from '../../types/account.contract'
import { forbidden, notFound } from '../_shared/context/failures'
import type { ActionContext } from '../_shared/context/deps'
import { orgPath } from '../_shared/orgs/org-path'
import type { OrgRecord } from '../_shared/ports/store.port'

/**
 * Only the province admin keeps the org tree (rename, move a village, import divisions). The
 * authorization table has no row for it: its rows are relative to an org, and this is the admin's
 * whole-tree duty, checked here by role alone.
 */
async function requireAdmin(ctx: ActionContext): Promise<void> {
  const actor = await ctx.person()
  if (!actor.roles.some((b) => b.role === 'admin')) throw forbidden('只有省级管理员可以维护组织架构')
}

/** What the three actions that keep the tree declare alike: writes, authorized by requireAdmin alone. */
export const keepsTheTree = { kind: 'write', authorization: [], authorize: requireAdmin } as const

/**
 * The org whose roles an invitation, a revocation or a member list is about, with its path (the org
 * first, up to the root): the rules of domain/invitation.rules.ts judge the caller against that path.
 */
export async function targetOf(ctx: ActionContext, orgId: string) {
  const path = await orgPath(ctx.deps.store, orgId)
  const org = path[0]
  if (!org) throw notFound('没有找到该组织')
  return { org, level: org.level, path: path.map((o) => o.id) }
}

/** An org as the picker shows it. Everything above a village has orgs under it, so no read is needed to say so. */
export const orgNode = (org: OrgRecord): OrgNode => ({ ...org, hasChildren: org.level !== 'village' })
