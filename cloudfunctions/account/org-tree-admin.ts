/**
 * Only the province admin keeps the org tree (rename, move a village, import divisions). The
 * authorization table has no row for it: its rows are relative to an org, and this is the admin's
 * whole-tree duty, checked here by role alone.
 */
import { forbidden } from '../_shared/context/failures'
import type { ActionContext } from '../_shared/context/deps'
import { loadPerson } from '../_shared/cases/load-person'

export async function requireAdmin(ctx: ActionContext): Promise<void> {
  const actor = await loadPerson(ctx.deps.store, ctx.openid)
  if (!actor.roles.some((b) => b.role === 'admin')) throw forbidden('只有省级管理员可以维护组织架构')
}
