/**
 * `stats.cases` (数字背后的反映): the cases of the subtree behind one figure of 数据看板, submitted in
 * the months asked, newest first, DRILL_PAGE a page — one range of one index per page
 * (cases.newestInSubtree). Each as the reader may see it (domain/stats.access.ts drillVisibility).
 */
import { DRILL_PAGE, type DrillCase } from '../../../types/stats.contract'
import { drillVisibility } from '../../_shared/domain/stats.access'
import { cursorOf, facetOf, monthRange, parseCursor } from '../../_shared/domain/stats.drill'
import type { CaseState } from '../../_shared/domain/case.state'
import type { Person } from '../../_shared/domain/actor.types'
import { defineAction } from '../../_shared/handler/action'
import { invalidInput } from '../../_shared/context/failures'
import { orgNamesFor, toSummary } from '../../_shared/cases/case-view'
import type { OrgName } from '../../_shared/orgs/org-path'
import { authorizeStats } from '../stats.guard'

export const cases = defineAction({
  fn: 'stats', name: 'cases', kind: 'read', authorization: ['stats.read'],
  authorize: authorizeStats,
  run: async ({ deps, now }, { filter, cursor }, { person, org }) => {
    const before = cursor === undefined ? undefined : parseCursor(cursor)
    if (before === null) throw invalidInput('翻页位置无效，请重新打开列表')
    // One more than a page: whether there is a next one, without an empty last page.
    const found = await deps.store.cases.newestInSubtree(org.id, facetOf(filter), DRILL_PAGE + 1, before, monthRange(filter.from, filter.to))
    const page = found.slice(0, DRILL_PAGE)
    const last = page[page.length - 1]
    const names = await orgNamesFor(deps.store, page)
    return {
      org: { id: org.id, name: org.name, level: org.level },
      items: page.map((state) => drillCaseOf(state, person, now, names)),
      ...(found.length > DRILL_PAGE && last && { next: cursorOf({ submittedAt: last.submittedAt, id: last.id }) }),
      asOf: now,
    }
  },
})

function drillCaseOf(state: CaseState, person: Person, now: string, name: OrgName): DrillCase {
  const { visibility, openable } = drillVisibility(person, state)
  // Never null: drillVisibility answers no 'none'.
  const summary = toSummary(state, person, now, name, visibility)!
  if (openable) return { ...summary, openable }
  // Gone past her: what her export shows of it, not what those handling it wrote each other.
  const { assignment: _notes, urges: _urges, ...shown } = summary
  return { ...shown, openable }
}
