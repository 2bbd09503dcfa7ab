/**
 * A case as one CSV row for Excel, from the view the export may show (already redacted). The
 * reporter appears only as 实名/匿名; no phone, address or openid is ever a column.
 */
import {
  CASE_KIND_LABELS,
  CASE_STATUS_LABELS,
  CATEGORY_LABELS,
  LEVEL_LABELS,
  OUTCOME_LABELS,
  RATING_LABELS,
} from '../../types/enums'
import type { CaseView } from '../_shared/domain/case.view'
import { toMs } from '../_shared/domain/iso-time'

export type OrgName = (id: string) => string

export const CSV_HEADERS = [
  '编号',
  '提交时间',
  '反映类型',
  '问题类别',
  '标题',
  '内容',
  '状态',
  '当前承办层级',
  '当前承办单位',
  '所在村（社区）',
  '所属乡镇（街道）',
  '反映人',
  '受理期限',
  '办理期限',
  '是否逾期',
  '协调部门',
  '办理结果',
  '办理情况',
  '办结层级',
  '办结时间',
  '是否按期办结',
  '评价',
  '重新办理次数',
  '最后更新',
] as const

export function caseRow(view: CaseView, orgName: OrgName, overdue: boolean): string[] {
  const outcome = view.outcome
  return [
    view.id,
    chinaTime(view.submittedAt),
    CASE_KIND_LABELS[view.kind],
    CATEGORY_LABELS[view.category],
    view.title,
    view.content,
    CASE_STATUS_LABELS[view.status],
    LEVEL_LABELS[view.level],
    orgName(view.holderOrgId),
    orgName(view.chain.village),
    orgName(view.chain.township),
    view.reporter.anonymous ? '匿名' : '实名',
    chinaTime(view.acceptBy),
    chinaTime(view.resolveBy),
    overdue ? '是' : '否',
    view.assignment?.department ?? '',
    outcome ? OUTCOME_LABELS[outcome.outcome] : '',
    outcome?.resolution ?? '',
    outcome ? LEVEL_LABELS[outcome.level] : '',
    outcome ? chinaTime(outcome.at) : '',
    outcome ? (toMs(outcome.at) <= toMs(view.resolveBy) ? '是' : '否') : '',
    view.rating ? RATING_LABELS[view.rating.rating] : '',
    String(view.reopenCount),
    chinaTime(view.updatedAt),
  ]
}

/** One CSV line, CRLF-terminated (what Excel writes). */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

// Excel runs a cell that starts with = + - @ as a formula: a report's title must never become one.
const FORMULA_START = /^[=+\-@\t\r]/

function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** "2025-03-03 09:00" in China time, whatever the server's zone. */
export function chinaTime(iso: string): string {
  return new Date(toMs(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}
