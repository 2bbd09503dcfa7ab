/**
 * `account.moveVillage` (调整上级): the province admin moves a village or community under another
 * township. Its counters move with it, so every ancestor's figures stay the sum of its subtree.
 */
import { defineAction } from '../../_shared/handler/action'
import { invalidInput, notFound } from '../../_shared/context/failures'
import { orgPath } from '../../_shared/orgs/org-path'
import { auditOrgChange } from '../../_shared/audit/audit-lines'
import { keepsTheTree, orgNode } from '../orgs'

export const moveVillage = defineAction({
  fn: 'account',
  name: 'moveVillage',
  ...keepsTheTree,
  run: async (ctx, { orgId, toParentId }) =>
    ctx.deps.store.transaction(async (tx) => {
      const village = await tx.orgs.get(orgId)
      if (!village) throw notFound('没有找到该村（社区）')
      if (village.level !== 'village') throw invalidInput('只能调整村（社区）的上级')
      const parent = await tx.orgs.get(toParentId)
      if (!parent || parent.level !== 'township') throw invalidInput('新的上级必须是乡镇（街道）')
      if (village.parentId === toParentId) return { org: orgNode(village) }
      const oldAncestors = (await orgPath(tx, village.parentId ?? '')).map((o) => o.id)
      const newAncestors = (await orgPath(tx, toParentId)).map((o) => o.id)
      // The village's own counters are its subtree's figures: take them from the old line, give them
      // to the new one. (Cases keep the ladder they were filed with: their chain is part of their history.)
      const figures = await tx.counters.get(orgId)
      const minus = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, -v]))
      await tx.counters.add(oldAncestors, minus)
      await tx.counters.add(newAncestors, figures)
      const moved = { ...village, parentId: toParentId }
      await tx.orgs.put(moved)
      await auditOrgChange(tx, ctx, { orgId, action: 'account.moveVillage', actorRole: 'admin', targetType: 'org', targetId: orgId, summary: `调整上级至 ${parent.name}` })
      return { org: orgNode(moved) }
    }),
})
