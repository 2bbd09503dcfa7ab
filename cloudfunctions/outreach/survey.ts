/**
 * What the survey actions share: the survey she names (NOT_FOUND alike when it does not exist and when
 * she may not read it), the survey as her list shows it, its questions as the app shows them, and its
 * audit line. The rules are domain/survey.rules.ts; placing her in the tree is outreach.ts.
 */
import type { SurveyQuestionView, SurveySummary } from '../../types/outreach.contract'
import { answerChain, isClosed, isFree, mayInOffice, mayOnSurvey, type SurveyQuestion } from '../_shared/domain/survey.rules'
import type { ActionContext } from '../_shared/context/deps'
import { notFound } from '../_shared/context/failures'
import { auditOrgChange } from '../_shared/audit/audit-lines'
import type { OrgRecord, Repositories, SurveyRecord } from '../_shared/ports/store.port'
import type { Placed } from './outreach'

/** Said for a survey that does not exist and for one she may not see: the same words. */
export const NO_SUCH_SURVEY = '没有找到这份调研'

export interface Named {
  survey: SurveyRecord
  line: OrgRecord[]
}

/** Whether she may read it: the read row from a place in its audience. */
export const readable = (placed: Placed, survey: SurveyRecord, line: OrgRecord[]): boolean =>
  line.length > 0 && mayOnSurvey('survey.read', placed.reader, survey.audience, line, placed.lineOf)

export async function namedSurvey(ctx: ActionContext, placed: Placed, surveyId: string): Promise<Named> {
  const survey = await ctx.deps.store.surveys.get(surveyId)
  const line = survey ? await placed.lineOfOrg(survey.orgId) : []
  if (!survey || !readable(placed, survey, line)) throw notFound(NO_SUCH_SURVEY)
  return { survey, line }
}

/** As her list shows it: its org named, and what she may do with it now. */
export function surveySummary(placed: Placed, { survey, line }: Named, now: string, answered: boolean): SurveySummary {
  const closed = isClosed(survey, now)
  const org = line[0]
  const asked = answerChain(placed.reader, survey, line, placed.lineOf) !== null
  return {
    id: survey.id,
    title: survey.title,
    orgId: survey.orgId,
    orgName: org?.name ?? '',
    level: org?.level ?? 'province',
    audience: survey.audience,
    openedAt: survey.openedAt,
    closesAt: survey.closedAt ?? survey.closesAt,
    status: closed ? 'closed' : 'open',
    questionCount: survey.questions.length,
    answered,
    mayAnswer: asked && !closed,
    mayResults: closed || answered || mayInOffice('survey.watch', placed.person, line, placed.lineOf),
    mayClose: !closed && mayInOffice('survey.open', placed.person, line, placed.lineOf),
  }
}

export const questionViews = (questions: readonly SurveyQuestion[]): SurveyQuestionView[] =>
  questions.map((q) => (isFree(q) ? { text: q.text, free: true } : { text: q.text, free: false, options: q.options, multiple: q.multiple }))

/** One line in the audit log of the survey's org (and so of every org above it). */
export function auditSurvey(
  tx: Pick<Repositories, 'orgs' | 'audit'>,
  ctx: ActionContext,
  { survey, summary, ...line }: { survey: SurveyRecord; action: 'outreach.openSurvey' | 'outreach.closeSurvey'; actorRole: string; summary: string },
): Promise<void> {
  return auditOrgChange(tx, ctx, { ...line, orgId: survey.orgId, targetType: 'survey', targetId: survey.id, summary: `${summary}：${survey.title}` })
}
