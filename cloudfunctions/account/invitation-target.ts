/**
 * The org whose roles an invitation, a revocation or a member list is about, with its path (the org
 * first, up to the root): the rules of domain/invitation.rules.ts judge the caller against that path.
 */
import { notFound } from '../_shared/context/failures'
import type { ActionContext } from '../_shared/context/deps'
import { orgPath } from '../_shared/orgs/org-path'

export async function targetOf(ctx: ActionContext, orgId: string) {
  const path = await orgPath(ctx.deps.store, orgId)
  const org = path[0]
  if (!org) throw notFound('没有找到该组织')
  return { org, level: org.level, path: path.map((o) => o.id) }
}
