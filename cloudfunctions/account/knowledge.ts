/**
 * What the standard-answer actions (kbList, kbSave, kbRetire) share: the caller's orgs placed in the
 * tree, the answer she names (found only if she may read it), the answer as the app shows it, and its
 * audit line. The rules are domain/knowledge.rules.ts; this only reads what they need: her bindings,
 * each binding's line up the tree (at most five reads each) and the target's.
 */
import type { KnowledgeAnswer } from '../../types/account.contract'
import type { Person } from '../_shared/domain/actor.types'
import { allowedSomewhere, type AuthAction } from '../_shared/domain/authorization.table'
import { mayKeepAnswers, mayReadAnswers, type LineOf } from '../_shared/domain/knowledge.rules'
import type { ActionContext } from '../_shared/context/deps'
import { forbidden, notFound } from '../_shared/context/failures'
import { auditOrgChange } from '../_shared/audit/audit-lines'
import { orgPath } from '../_shared/orgs/org-path'
import type { AnswerRecord, OrgRecord, Repositories } from '../_shared/ports/store.port'

/** Said to whoever names an answer she may not read, and for one that does not exist: the same words. */
const NO_SUCH_ANSWER = '没有找到这条标准答复'

/** An org with its ancestors, the org first; [] for one not in the tree. */
type Line = OrgRecord[]

/** The caller, and every org she is bound at or has looked up here, placed in the tree. */
export interface Placed {
  person: Person
  lineOf: LineOf
  /** The line of an org read for this request (its own, or from one of hers). */
  lineOfOrg(orgId: string): Promise<Line>
}

export async function placeCaller(ctx: ActionContext): Promise<Placed> {
  const person = await ctx.person()
  const lines = new Map<string, Line>()
  // Every org on a line has that line's rest as its own: one walk up places them all.
  const keep = (line: Line) => line.forEach((org, i) => lines.set(org.id, line.slice(i)))
  const lineOfOrg = async (orgId: string) => {
    if (!lines.has(orgId)) keep(await orgPath(ctx.deps.store, orgId))
    return lines.get(orgId) ?? []
  }
  for (const binding of person.roles) await lineOfOrg(binding.orgId)
  return { person, lineOf: (orgId) => lines.get(orgId) ?? [], lineOfOrg }
}

/** The gate before any lookup: a role that reads (or keeps) answers somewhere, or FORBIDDEN. */
export function requireSomewhere(placed: Placed, action: AuthAction, message: string): void {
  if (!placed.person.roles.some((b) => allowedSomewhere(b.role, action))) throw forbidden(message)
}

/** The role she acts in at the org of `line` (the first binding the table allows): for the audit line. */
export const actingRole = (placed: Placed, line: Line): string =>
  placed.person.roles.find((b) => mayKeepAnswers({ ...placed.person, roles: [b] }, line, placed.lineOf))?.role ?? 'cadre'

/**
 * The answer she names, with its org's line, if she may keep it: NOT_FOUND when it does not exist or
 * she may not even read it (as if it did not exist), FORBIDDEN when she reads but may not keep it.
 */
export async function keptAnswer(ctx: ActionContext, placed: Placed, id: string): Promise<{ answer: AnswerRecord; line: Line }> {
  const answer = await ctx.deps.store.answers.get(id)
  const line = answer ? await placed.lineOfOrg(answer.orgId) : []
  if (!answer || !mayReadAnswers(placed.person, line, placed.lineOf)) throw notFound(NO_SUCH_ANSWER)
  if (!mayKeepAnswers(placed.person, line, placed.lineOf)) throw forbidden('只能修改、停用本级妇联的标准答复')
  return { answer, line }
}

export const answerView = (answer: AnswerRecord, line: Line, editable: boolean): KnowledgeAnswer => ({
  id: answer.id,
  category: answer.category,
  title: answer.title,
  body: answer.body,
  orgId: answer.orgId,
  orgName: line[0]?.name ?? '',
  level: line[0]?.level ?? 'province',
  updatedAt: answer.updatedAt,
  retired: answer.retired,
  editable,
})

/** One line in the audit log of the answer's org (and so of every org above it). */
export const auditAnswer = (
  tx: Pick<Repositories, 'orgs' | 'audit'>,
  ctx: ActionContext,
  change: { answer: AnswerRecord; action: 'account.kbSave' | 'account.kbRetire'; actorRole: string; summary: string },
) =>
  auditOrgChange(tx, ctx, {
    orgId: change.answer.orgId,
    action: change.action,
    actorRole: change.actorRole,
    targetType: 'answer',
    targetId: change.answer.id,
    summary: `${change.summary}：${change.answer.title}`,
  })
