/**
 * The province admin keeps the org tree: import administrative divisions from a CSV, rename an org,
 * move a village or community to another township. Counters move with a moved village, so every
 * ancestor's figures stay the sum of its subtree.
 */
import { LEVEL_BY_NAME, type AccountResults } from '../../types/account.contract'
import { LEVELS, type Level } from '../../types/enums'
import { conflict, forbidden, invalidInput, notFound } from '../_shared/context/failures'
import type { ActionContext } from '../_shared/context/deps'
import { loadPerson } from '../_shared/cases/load-person'
import { addOrg } from '../_shared/orgs/onboarding.service'
import { orgPath } from '../_shared/orgs/org-path'
import type { OrgRecord } from '../_shared/ports/store.port'
import { auditOrgChange } from '../_shared/audit/org-audit'

async function requireAdmin(ctx: ActionContext) {
  const actor = await loadPerson(ctx.deps.store, ctx.openid)
  if (!actor.roles.some((b) => b.role === 'admin')) throw forbidden('只有省级管理员可以维护组织架构')
}

const node = (org: OrgRecord) => ({ ...org, hasChildren: org.level !== 'village' })

export async function renameOrg(ctx: ActionContext, { orgId, name }: { orgId: string; name: string }): Promise<AccountResults['renameOrg']> {
  await requireAdmin(ctx)
  const org = await ctx.deps.store.orgs.get(orgId)
  if (!org) throw notFound('没有找到该组织')
  const renamed = { ...org, name }
  await ctx.deps.store.orgs.put(renamed)
  await auditOrgChange(ctx.deps.store, ctx, { orgId, action: 'account.renameOrg', actorRole: 'admin', targetType: 'org', targetId: orgId, summary: `改名：${org.name} → ${name}` })
  return { org: node(renamed) }
}

export async function moveVillage(
  ctx: ActionContext,
  { orgId, toParentId }: { orgId: string; toParentId: string },
): Promise<AccountResults['moveVillage']> {
  await requireAdmin(ctx)
  return ctx.deps.store.transaction(async (tx) => {
    const village = await tx.orgs.get(orgId)
    if (!village) throw notFound('没有找到该村（社区）')
    if (village.level !== 'village') throw invalidInput('只能调整村（社区）的上级')
    const parent = await tx.orgs.get(toParentId)
    if (!parent || parent.level !== 'township') throw invalidInput('新的上级必须是乡镇（街道）')
    if (village.parentId === toParentId) return { org: node(village) }
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
    return { org: node(moved) }
  })
}

interface Row {
  line: number
  id: string
  name: string
  level: Level
  parentId: string | null
}

function parseCsv(csv: string, errors: { line: number; message: string }[]): Row[] {
  const rows: Row[] = []
  csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1
      if (!raw.trim()) return
      const cells = raw.split(',').map((c) => c.trim().replace(/^"|"$/g, ''))
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

export async function importOrgs(ctx: ActionContext, { csv }: { csv: string }): Promise<AccountResults['importOrgs']> {
  await requireAdmin(ctx)
  const errors: { line: number; message: string }[] = []
  const rows = parseCsv(csv, errors)
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
}
