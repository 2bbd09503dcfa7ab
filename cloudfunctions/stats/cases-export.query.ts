/**
 * The CSV export of a subtree's cases: paged through the chain index, oldest submission first, each
 * case redacted for the person exporting (domain/stats.access.ts exportVisibility). Bounded twice:
 * by rows (EXPORT_MAX_ROWS) and by bytes, because a cloud function's answer must stay under the
 * platform's response limit (about 6 MB); `truncated` tells the cadre to narrow the dates.
 */
import { EXPORT_MAX_ROWS, type StatsExport } from '../../types/stats.contract'
import type { Person } from '../_shared/domain/actor.types'
import { redactCase } from '../_shared/domain/case.view'
import { missedDeadlines } from '../_shared/domain/case.timers'
import { exportVisibility } from '../_shared/domain/stats.access'
import { DAY_MS, addMs } from '../_shared/domain/iso-time'
import type { CaseState } from '../_shared/domain/case.state'
import { OrgNames } from '../_shared/orgs/org-names'
import type { OrgRecord, Store, SubmittedRange, SubtreeCursor } from '../_shared/ports/store.port'
import { CSV_HEADERS, caseRow, chinaTime, csvLine } from './case-rows.csv'

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

function lineOf(state: CaseState, req: ExportRequest, orgName: (id: string) => string): string | null {
  // No viewer openid: the export shows whether a report was anonymous, never who made it.
  const view = redactCase(state, exportVisibility(req.person, state))
  const overdue = state.overdue.accept || state.overdue.resolve || missedDeadlines(state, req.now).length > 0
  return view ? csvLine(caseRow(view, orgName, overdue)) : null
}

/** [from 00:00, the day after `to` 00:00), China time. */
function submittedRange(from: string | undefined, to: string | undefined): SubmittedRange {
  const start = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString()
  return {
    ...(from !== undefined && { from: start(from) }),
    ...(to !== undefined && { to: addMs(start(to), DAY_MS) }),
  }
}
