/**
 * `escalation`: the holder org's work on a case (accept, resolve, escalate, hand back, assign a
 * partner department, record its reply), the queue of cases it holds, and the deadline sweep.
 */
import type { Person } from '../_shared/domain/actor.types'
import { visibilityOf } from '../_shared/domain/case.access'
import type { CaseCommand } from '../_shared/domain/case.commands'
import { defineFunction } from '../_shared/handler/define-function'
import type { ActionContext } from '../_shared/context/deps'
import { forbidden } from '../_shared/context/failures'
import { changeCase } from '../_shared/cases/case.service'
import { readCaseDetail } from '../_shared/cases/case-reads'
import { loadPerson } from '../_shared/cases/load-person'
import { orgNamesFor, toSummary } from '../_shared/cases/case-view'
import type { CaseSummary } from '../../types/case.contract'
import { sweepDeadlines } from './sweep.job'
import { ensureAcceptableText } from '../_shared/cases/content-check'
import { overdueInSubtree } from './overdue.query'

type Base = { at: string; actor: Person }

/** Runs one holder command on a case and answers the case as the caller now sees it. */
async function act(ctx: ActionContext, caseId: string, make: (base: Base) => CaseCommand) {
  const actor = await loadPerson(ctx.deps.store, ctx.openid)
  await changeCase(ctx.deps, caseId, actor, () => make({ at: ctx.now, actor }))
  return { case: await readCaseDetail(ctx.deps.store, ctx.deps.files, caseId, actor, ctx.now) }
}

/**
 * Escalating can take the case out of the caller's sight: a cadre passing it to the level above is
 * not that level's supervisor. The change is made, so she is told so (case: null), never NOT_FOUND.
 */
async function escalate(ctx: ActionContext, caseId: string, reason: string) {
  const actor = await loadPerson(ctx.deps.store, ctx.openid)
  const { state } = await changeCase(ctx.deps, caseId, actor, () => ({ at: ctx.now, actor, type: 'EscalateCase', reason }))
  if (visibilityOf(actor, state) === 'none') return { case: null }
  return { case: await readCaseDetail(ctx.deps.store, ctx.deps.files, caseId, actor, ctx.now) }
}

/** The deadline the holder is working against now. */
const runningDeadline = (item: CaseSummary) => (item.status === 'pending' ? item.acceptBy : item.resolveBy)

export const escalationFunction = defineFunction(
  'escalation',
  {
    inbox: async (ctx, { status, category }) => {
      const actor = await loadPerson(ctx.deps.store, ctx.openid)
      const orgIds = actor.roles.filter((b) => b.role === 'cadre' || b.role === 'convener').map((b) => b.orgId)
      if (orgIds.length === 0) throw forbidden('工作台仅对议事会主任和妇联干部开放')
      const held = await ctx.deps.store.cases.heldBy(orgIds, ['pending', 'in_progress', 'resolved'], 1000)
      const names = await orgNamesFor(ctx.deps.store, held)
      const all = held.flatMap((state) => toSummary(state, actor, ctx.now, names) ?? [])
      const counts = {
        pending: all.filter((c) => c.status === 'pending').length,
        in_progress: all.filter((c) => c.status === 'in_progress').length,
        resolved: all.filter((c) => c.status === 'resolved').length,
        overdue: all.filter((c) => c.overdue).length,
      }
      const items = all
        .filter((c) => (!status || c.status === status) && (!category || c.category === category))
        .sort((a, b) => Number(b.overdue) - Number(a.overdue) || runningDeadline(a).localeCompare(runningDeadline(b)))
      return { items, counts, asOf: ctx.now }
    },
    accept: (ctx, { caseId }) => act(ctx, caseId, (b) => ({ ...b, type: 'AcceptCase' })),
    resolve: async (ctx, { caseId, outcome, resolution }) => {
      await ensureAcceptableText(ctx, resolution)
      return act(ctx, caseId, (b) => ({ ...b, type: 'ResolveCase', outcome, resolution }))
    },
    escalate: async (ctx, { caseId, reason }) => {
      await ensureAcceptableText(ctx, reason)
      return escalate(ctx, caseId, reason)
    },
    handBack: async (ctx, { caseId, toOrgId, instructions }) => {
      await ensureAcceptableText(ctx, instructions)
      return act(ctx, caseId, (b) => ({ ...b, type: 'HandBackCase', toOrgId, instructions }))
    },
    assign: async (ctx, { caseId, department, note, followUpBy }) => {
      await ensureAcceptableText(ctx, department, note)
      return act(ctx, caseId, (b) => ({
        ...b,
        type: 'AssignDepartment',
        department,
        note,
        ...(followUpBy && { followUpBy: new Date(followUpBy).toISOString() }),
      }))
    },
    reply: async (ctx, { caseId, reply }) => {
      await ensureAcceptableText(ctx, reply)
      return act(ctx, caseId, (b) => ({ ...b, type: 'RecordDepartmentReply', reply }))
    },
    overdue: (ctx, { orgId }) => overdueInSubtree(ctx, orgId),
  },
  { sweep: (ctx) => sweepDeadlines(ctx) },
)
