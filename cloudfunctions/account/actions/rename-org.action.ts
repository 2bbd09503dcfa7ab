/** `account.renameOrg` (组织改名): the province admin renames an org. */
import { defineAction } from '../../_shared/handler/action'
import { notFound } from '../../_shared/context/failures'
import { auditOrgChange } from '../../_shared/audit/audit-lines'
import { refreshCouncilNames } from '../../_shared/deliberations/council-name'
import { keepsTheTree, orgNode } from '../orgs'

export const renameOrg = defineAction({
  fn: 'account',
  name: 'renameOrg',
  ...keepsTheTree,
  run: async (ctx, { orgId, name }) => {
    const org = await ctx.deps.store.orgs.get(orgId)
    if (!org) throw notFound('没有找到该组织')
    const renamed = { ...org, name }
    await ctx.deps.store.orgs.put(renamed)
    await auditOrgChange(ctx.deps.store, ctx, { orgId, action: 'account.renameOrg', actorRole: 'admin', targetType: 'org', targetId: orgId, summary: `改名：${org.name} → ${name}` })
    // Councils sit at villages: their open deliberations keep the name (council-name.ts); a
    // failure here answers INTERNAL, and renaming again finishes it.
    if (org.level === 'village') await refreshCouncilNames(ctx.deps, orgId, ctx.now)
    return { org: orgNode(renamed) }
  },
})
