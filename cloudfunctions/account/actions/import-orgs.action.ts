/**
 * `account.importOrgs` (导入行政区划): the province admin adds orgs from a CSV of administrative
 * divisions (org-rows.csv.ts). A code already present is renamed, never moved (that is moveVillage);
 * each line is its own transaction, so one bad line is reported and the others still go in.
 */
import { LEVELS } from '../../../types/enums'
import { defineAction } from '../../_shared/handler/action'
import { conflict, invalidInput } from '../../_shared/context/failures'
import { addOrg } from '../../_shared/orgs/onboarding.service'
import { requireAdmin } from '../org-tree-admin'
import { parseOrgRows, type LineError } from '../org-rows.csv'

export const importOrgs = defineAction({
  fn: 'account',
  name: 'importOrgs',
  kind: 'write',
  // Not in the authorization table: keeping the tree is the admin's alone (org-tree-admin.ts).
  authorization: [],
  authorize: requireAdmin,
  run: async (ctx, { csv }) => {
    const errors: LineError[] = []
    const rows = parseOrgRows(csv, errors)
    let added = 0
    let renamed = 0
    let unchanged = 0
    for (const row of rows) {
      try {
        await ctx.deps.store.transaction(async (tx) => {
          const existing = await tx.orgs.get(row.id)
          if (existing) {
            if (existing.level !== row.level || existing.parentId !== row.parentId) {
              throw conflict('已存在，且层级或上级不同：请用“调整上级”处理')
            }
            if (existing.name === row.name) return void unchanged++
            await tx.orgs.put({ ...existing, name: row.name })
            return void renamed++
          }
          const parent = row.parentId ? await tx.orgs.get(row.parentId) : null
          if (row.parentId && !parent) throw invalidInput('上级不存在：请把上级放在前面的行')
          if (parent && LEVELS.indexOf(parent.level) !== LEVELS.indexOf(row.level) + 1) {
            throw invalidInput('上级的层级不对：应正好高一级')
          }
          await addOrg(tx, { id: row.id, name: row.name, level: row.level, parentId: row.parentId })
          added++
        })
      } catch (error) {
        errors.push({ line: row.line, message: error instanceof Error ? error.message : '导入失败' })
      }
    }
    return { added, renamed, unchanged, errors }
  },
})
