/**
 * `outreach.openSurvey` (发起调研): an org asks the residents, or the council members, of its subtree.
 * Who opens is who publishes there (the table's survey.open row: a cadre of the org, a village's
 * convener for her village); the deadline within SURVEY_DAYS_MAX days; title, questions and options
 * content-checked; one audit line.
 */
import { closesAtProblem, isClosed, officeAt, OPEN_SURVEYS_PER_ORG, openPlaces, questionsProblem, SURVEYS_PER_ORG, type SurveyQuestion } from '../../_shared/domain/survey.rules'
import { defineAction } from '../../_shared/handler/action'
import { conflict, forbidden, invalidInput, notFound } from '../../_shared/context/failures'
import type { SurveyRecord } from '../../_shared/ports/store.port'
import { placeReader } from '../outreach'
import { auditSurvey } from '../survey'

export const openSurvey = defineAction({
  fn: 'outreach', name: 'openSurvey', kind: 'write', authorization: ['survey.open'],
  authorize: async (ctx, { orgId, closesAt, questions }) => {
    const placed = await placeReader(ctx)
    if (openPlaces(placed.person).length === 0) throw forbidden('调研由妇联干部和议事会主任发起')
    const line = await placed.lineOfOrg(orgId)
    if (line.length === 0) throw notFound('没有找到该组织')
    const actorRole = officeAt('survey.open', placed.person, line, placed.lineOf)
    if (!actorRole) throw forbidden('只能在本级发起调研')
    const late = closesAtProblem(ctx.now, closesAt)
    if (late) throw invalidInput(late, [{ path: 'closesAt', message: late }])
    const stored = storedQuestions(questions)
    const repeated = questionsProblem(stored)
    if (repeated) throw invalidInput(repeated, [{ path: 'questions', message: repeated }])
    return { actorRole, questions: stored }
  },
  contentChecked: ({ title, questions }) => [title, ...questions.flatMap((q) => [q.text, ...('options' in q ? q.options : [])])],
  run: async (ctx, { orgId, title, closesAt, audience }, { actorRole, questions }) => {
    const survey: SurveyRecord = {
      id: ctx.deps.ids.next('survey'),
      orgId,
      title,
      questions,
      audience,
      openedBy: ctx.openid,
      openedAt: ctx.now,
      closesAt: new Date(closesAt).toISOString(),
    }
    await ctx.deps.store.transaction(async (tx) => {
      // Her list reads an org's newest SURVEYS_PER_ORG: too many open at once would hide some.
      const open = (await tx.surveys.ofOrg(orgId, SURVEYS_PER_ORG)).filter((s) => !isClosed(s, ctx.now))
      if (open.length >= OPEN_SURVEYS_PER_ORG) throw conflict(`本级已有 ${OPEN_SURVEYS_PER_ORG} 份调研在进行，请等截止或先结束一份`)
      await tx.surveys.put(survey)
      await auditSurvey(tx, ctx, { survey, action: 'outreach.openSurvey', actorRole, summary: '发起调研' })
    })
    return { surveyId: survey.id }
  },
})

function storedQuestions(questions: readonly ({ text: string; free: true } | { text: string; options: string[]; multiple?: boolean })[]): SurveyQuestion[] {
  return questions.map((q) => ('free' in q ? { text: q.text, free: true } : { text: q.text, options: q.options, multiple: q.multiple ?? false }))
}
