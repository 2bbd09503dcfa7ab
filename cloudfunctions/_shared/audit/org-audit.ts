/** Audit lines for role and org-tree changes (onboarding, the admin's upkeep). */
import type { Repositories } from '../ports/store.port'
import type { ActionContext } from '../context/deps'
import { orgPath } from '../orgs/org-path'

export async function auditOrgChange(
  tx: Pick<Repositories, 'orgs' | 'audit'>,
  ctx: ActionContext,
  entry: { orgId: string; action: string; actorRole: string; targetType: 'role' | 'org'; targetId: string; summary: string },
): Promise<void> {
  const path = (await orgPath(tx, entry.orgId)).map((o) => o.id).reverse()
  await tx.audit.add([{ id: ctx.deps.ids.next('audit'), at: ctx.now, actorOpenid: ctx.openid, orgPath: path, ...entry }])
}
