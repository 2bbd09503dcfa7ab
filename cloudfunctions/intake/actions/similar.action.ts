/**
 * `intake.similar` (本村已有类似反映): the open cases of a village and category anyone may follow —
 * never an anonymous or sensitive one (domain/me-too.rules.ts) — with what the report form shows of
 * them: number, title, status, days open, how many follow it; hers marked, and those she follows.
 */
import { caseNumber } from '../../../types/case.contract'
import { defineAction } from '../../_shared/handler/action'
import { daysOpen, similarCases } from '../../_shared/domain/me-too.rules'
import { orgNamesFor } from '../../_shared/cases/case-view'

/** Open cases read per status: a village's open cases are few; the rule keeps SIMILAR_MAX of them. */
const OPEN_READ = 100

export const similar = defineAction({
  fn: 'intake', name: 'similar', kind: 'read', authorization: ['case.support'],
  run: async ({ deps, openid, now }, { villageId, category }) => {
    // Two ranges of one index (the village's cases by status, newest first); an unknown village has none.
    const [pending, inProgress] = await Promise.all([
      deps.store.cases.newestInSubtree(villageId, { kind: 'status', status: 'pending' }, OPEN_READ),
      deps.store.cases.newestInSubtree(villageId, { kind: 'status', status: 'in_progress' }, OPEN_READ),
    ])
    const offered = similarCases([...pending, ...inProgress], villageId, category)
    const [names, following] = await Promise.all([
      orgNamesFor(deps.store, offered),
      Promise.all(offered.map((c) => deps.store.supporters.has(c.id, openid))),
    ])
    return {
      items: offered.map((c, i) => ({
        id: c.id,
        number: caseNumber(c.id),
        kind: c.kind,
        category: c.category,
        title: c.title,
        status: c.status,
        holderOrgName: names(c.holderOrgId),
        daysOpen: daysOpen(c.submittedAt, now),
        supporters: c.supporters ?? 0,
        mine: c.reporter.openid === openid,
        following: following[i] === true,
      })),
    }
  },
})
