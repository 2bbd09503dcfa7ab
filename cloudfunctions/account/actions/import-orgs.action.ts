/**
 * `account.importOrgs` (导入行政区划): the province admin adds orgs from a CSV of administrative
 * divisions (account.contract.ts importOrgs): one org a line, 代码,名称,层级,上级代码, a header line
 * allowed. A line that cannot be an org is reported by its number and left out; the rest go in file
 * order (parents before children). A code already present is renamed, never moved (that is
 * moveVillage); each line is its own transaction, so one bad line is reported and the others still go in.
 */
import { LEVEL_BY_NAME, type AccountResults } from '../../../types/account.contract'
import { refreshCouncilNames } from '../../_shared/deliberations/council-name'
import { LEVELS } from '../../../types/enums'
import { csvRows } from '../../_shared/csv'
import { defineAction } from '../../_shared/handler/action'
import { conflict, invalidInput } from '../../_shared/context/failures'
import { addOrg } from '../../_shared/orgs/onboarding.service'
import { keepsTheTree } from '../orgs'
import type { OrgRecord } from '../../_shared/ports/store.port'

type LineError = AccountResults['importOrgs']['errors'][number]

function parseOrgRows(csv: string, errors: LineError[]): (OrgRecord & { line: number })[] {
  const rows: (OrgRecord & { line: number })[] = []
  csvRows(csv).forEach(({ line, cells }) => {
    if (line === 1 && /代码|code/i.test(cells[0] ?? '')) return
    const [id, name, levelName, parentId] = cells
    const level = LEVEL_BY_NAME[levelName ?? '']
    if (!id || !/^\d{2,12}$/.test(id)) return void errors.push({ line, message: '代码应为 2–12 位数字' })
    if (!name || name.length > 40) return void errors.push({ line, message: '名称不能为空，且不超过 40 个字' })
    if (!level) return void errors.push({ line, message: `层级“${levelName ?? ''}”无法识别` })
    if (level !== 'province' && !parentId) return void errors.push({ line, message: '缺少上级代码' })
    rows.push({ line, id, name, level, parentId: level === 'province' ? null : parentId! })
  })
  return rows
}

export const importOrgs = defineAction({
  fn: 'account',
  name: 'importOrgs',
  ...keepsTheTree,
  run: async (ctx, { csv }) => {
    const errors: LineError[] = []
    const rows = parseOrgRows(csv, errors)
    let added = 0
    let renamed = 0
    let unchanged = 0
    for (const row of rows) {
      let renamedVillage = false
      try {
        await ctx.deps.store.transaction(async (tx) => {
          const existing = await tx.orgs.get(row.id)
          if (existing) {
            if (existing.level !== row.level || existing.parentId !== row.parentId) {
              throw conflict('已存在，且层级或上级不同：请用“调整上级”处理')
            }
            if (existing.name === row.name) return void unchanged++
            await tx.orgs.put({ ...existing, name: row.name })
            renamedVillage = existing.level === 'village'
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
        continue
      }
      // Once the new name is committed, a council's open deliberations take it (council-name.ts).
      // Importing the same name again changes nothing, so a failure here says how to finish it.
      try {
        if (renamedVillage) await refreshCouncilNames(ctx.deps, row.id, ctx.now)
      } catch (error) {
        ctx.deps.log.error('council name not refreshed', { requestId: ctx.requestId, orgId: row.id, error: String(error) })
        errors.push({ line: row.line, message: '名称已更新，但进行中的议事未能改用新名称：请用“组织改名”再改一次' })
      }
    }
    return { added, renamed, unchanged, errors }
  },
})
