/**
 * The CSV export of a subtree's cases: paged through the chain index, oldest submission first, each
 * case redacted for the person exporting (domain/stats.access.ts exportVisibility). Bounded twice:
 * by rows (EXPORT_MAX_ROWS) and by bytes, because a cloud function's answer must stay under the
 * platform's response limit (about 6 MB); `truncated` tells the cadre to narrow the dates. A row is
 * made from the view the export may show (already redacted): the reporter appears only as 实名/匿名;
 * no phone, address or openid is ever a column.
 */
import {
  CASE_KIND_LABELS,
  CASE_STATUS_LABELS,
  CATEGORY_LABELS,
  LEVEL_LABELS,
  OUTCOME_LABELS,
  SATISFACTION_LABELS,
  SOLVED_LABELS,
} from '../../types/enums'
import { caseNumber } from '../../types/case.contract'
import { EXPORT_MAX_ROWS, type StatsExport } from '../../types/stats.contract'
import type { Person } from '../_shared/domain/actor.types'
import { redactCase, type CaseView } from '../_shared/domain/case.view'
import { isOverdue } from '../_shared/cases/case-view'
import { exportVisibility } from '../_shared/domain/stats.access'
import { DAY_MS, addMs, toMs } from '../_shared/domain/iso-time'
import type { CaseState } from '../_shared/domain/case.state'
import { OrgNames, type OrgName } from '../_shared/orgs/org-path'
import type { OrgRecord, Store, SubmittedRange, SubtreeCursor } from '../_shared/ports/store.port'
import { csvLine } from '../_shared/csv'

const PAGE = 500
const MAX_BYTES = 5 * 1024 * 1024
const BOM = '\uFEFF'

export interface ExportRequest {
  person: Person
  org: OrgRecord
  /** Submission days in China time, both inclusive ("2025-03-01"). */
  from?: string
  to?: string
  now: string
  /** Tests set small ones; the function uses the defaults. */
  limits?: { rows: number; bytes: number }
}

export async function exportCases(store: Store, req: ExportRequest): Promise<StatsExport> {
  const { rows: maxRows, bytes: maxBytes } = req.limits ?? { rows: EXPORT_MAX_ROWS, bytes: MAX_BYTES }
  const names = new OrgNames(store)
  const range = submittedRange(req.from, req.to)
  const header = csvLine(CSV_HEADERS)
  const lines = [header]
  let bytes = Buffer.byteLength(BOM + header)
  let truncated = false
  let after: SubtreeCursor | undefined

  pages: for (;;) {
    // One more than fits, so a subtree of exactly maxRows cases is not reported as truncated.
    const want = Math.min(PAGE, maxRows + 1 - (lines.length - 1))
    const page = await store.cases.inSubtree(req.org.id, want, after, range)
    await names.load(page.flatMap((s) => [s.holderOrgId, s.chain.village, s.chain.township]))
    for (const state of page) {
      const line = lineOf(state, req, names.name)
      if (line === null) continue
      if (lines.length - 1 === maxRows || bytes + Buffer.byteLength(line) > maxBytes) {
        truncated = true
        break pages
      }
      lines.push(line)
      bytes += Buffer.byteLength(line)
    }
    const last = page[page.length - 1]
    if (!last || page.length < want) break
    after = { submittedAt: last.submittedAt, id: last.id }
  }

  return {
    filename: `议事会反映_${req.org.name}_${chinaTime(req.now).slice(0, 10).replace(/-/g, '')}.csv`,
    csv: BOM + lines.join(''),
    rows: lines.length - 1,
    truncated,
    maxRows,
  }
}

function lineOf(state: CaseState, req: ExportRequest, orgName: OrgName): string | null {
  // No viewer openid: the export shows whether a report was anonymous, never who made it.
  const view = redactCase(state, exportVisibility(req.person, state))
  return view ? csvLine(caseRow(view, orgName, isOverdue(state, req.now))) : null
}

/** [from 00:00, the day after `to` 00:00), China time. */
function submittedRange(from: string | undefined, to: string | undefined): SubmittedRange {
  const start = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString()
  return {
    ...(from !== undefined && { from: start(from) }),
    ...(to !== undefined && { to: addMs(start(to), DAY_MS) }),
  }
}

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
  '是否解决',
  '满意度',
  '重新办理次数',
  '最后更新',
] as const

export function caseRow(view: CaseView, orgName: OrgName, overdue: boolean): string[] {
  const outcome = view.outcome
  return [
    caseNumber(view.id),
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
    view.rating ? SOLVED_LABELS[view.rating.solved] : '',
    view.rating ? SATISFACTION_LABELS[view.rating.satisfaction] : '',
    String(view.reopenCount),
    chinaTime(view.updatedAt),
  ]
}

/** "2025-03-03 09:00" in China time, whatever the server's zone. */
export function chinaTime(iso: string): string {
  return new Date(toMs(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}
