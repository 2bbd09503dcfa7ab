/**
 * The CSV of administrative divisions the admin pastes (account.contract.ts importOrgs): one org a
 * line, 代码,名称,层级,上级代码, a header line allowed. A line that cannot be an org is reported by its
 * number and left out; the rest are returned in file order (parents before children).
 */
import { LEVEL_BY_NAME } from '../../types/account.contract'
import type { Level } from '../../types/enums'

export interface OrgRow {
  line: number
  id: string
  name: string
  level: Level
  parentId: string | null
}

export interface LineError {
  line: number
  message: string
}

export function parseOrgRows(csv: string, errors: LineError[]): OrgRow[] {
  const rows: OrgRow[] = []
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
