/**
 * `escalation.overdue` (督办): open cases in an org's subtree that missed a deadline somewhere on their
 * way, were urged (催办) or taken over (提级办理) — the ones a township, county, city or province follows
 * up. Each says why it is listed and whether she may urge it or take it over now. Read from the
 * subtree's cases page by page (bounded: it says when it stopped early), newest submissions first
 * within the bound.
 */
import { LEVELS } from '../../../types/enums'
import { defineAction } from '../../_shared/handler/action'
import { canReadStats } from '../../_shared/domain/stats.access'
import type { CaseState } from '../../_shared/domain/case.state'
import { forbidden, notFound } from '../../_shared/context/failures'
import { isSupervised, orgNamesFor, toSupervised } from '../../_shared/cases/case-view'
import { orgPath } from '../../_shared/orgs/org-path'
import type { SubtreeCursor } from '../../_shared/ports/store.port'

const PAGE = 1000
const MAX_SCANNED = 20_000

export const overdue = defineAction({
  fn: 'escalation', name: 'overdue', kind: 'read', authorization: ['stats.read'],
  run: async (ctx, { orgId: requested }) => {
    const person = await ctx.person()
    // Without an org: the highest org she supervises.
    const own = person.roles
      .filter((b) => b.role === 'cadre' || b.role === 'admin' || b.role === 'convener')
      .map((b) => b.orgId)
    if (own.length === 0) throw forbidden('督办清单仅对议事会主任和妇联干部开放')
    let orgId = requested
    if (!orgId) {
      const ranked = await Promise.all(own.map(async (id) => ({ id, depth: (await orgPath(ctx.deps.store, id)).length })))
      orgId = ranked.sort((a, b) => a.depth - b.depth)[0]!.id
    }
    const path = await orgPath(ctx.deps.store, orgId)
    if (path.length === 0) throw notFound('没有找到该组织')
    if (!canReadStats(person, path.map((o) => o.id))) throw forbidden('只能查看本级及下级组织的督办清单')

    const late: CaseState[] = []
    let cursor: SubtreeCursor | undefined
    let scanned = 0
    for (;;) {
      const page = await ctx.deps.store.cases.inSubtree(orgId, PAGE, cursor)
      for (const state of page) if (isSupervised(state)) late.push(state)
      scanned += page.length
      const last = page[page.length - 1]
      if (page.length < PAGE || !last || scanned >= MAX_SCANNED) break
      cursor = { submittedAt: last.submittedAt, id: last.id }
    }
    const names = await orgNamesFor(ctx.deps.store, late)
    const urges = (item: { urges?: unknown[] }) => item.urges?.length ?? 0
    const items = late
      .flatMap((state) => toSupervised(state, person, ctx.now, names) ?? [])
      .sort(
        (a, b) =>
          b.missedDeadlines - a.missedDeadlines || urges(b) - urges(a) || LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level),
      )
    return { items, asOf: ctx.now, truncated: scanned >= MAX_SCANNED }
  },
})
