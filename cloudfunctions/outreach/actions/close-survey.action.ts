/**
 * `outreach.closeSurvey` (结束调研): those who may open a survey at its org close it before its
 * deadline; no answers after. Closing it again changes nothing and writes no second line.
 */
import { isClosed, officeAt } from '../../_shared/domain/survey.rules'
import { defineAction } from '../../_shared/handler/action'
import { forbidden, notFound } from '../../_shared/context/failures'
import { placeReader } from '../outreach'
import { auditSurvey, namedSurvey, NO_SUCH_SURVEY } from '../survey'

export const closeSurvey = defineAction({
  fn: 'outreach', name: 'closeSurvey', kind: 'write', authorization: ['survey.open'],
  authorize: async (ctx, { surveyId }) => {
    const placed = await placeReader(ctx)
    const { line } = await namedSurvey(ctx, placed, surveyId)
    const actorRole = officeAt('survey.open', placed.person, line, placed.lineOf)
    if (!actorRole) throw forbidden('只能结束本级发起的调研')
    return { actorRole }
  },
  run: async (ctx, { surveyId }, { actorRole }) =>
    ctx.deps.store.transaction(async (tx) => {
      const before = await tx.surveys.get(surveyId)
      if (!before) throw notFound(NO_SUCH_SURVEY)
      if (isClosed(before, ctx.now)) return { surveyId, closed: false }
      const after = { ...before, closedAt: ctx.now, closedBy: ctx.openid }
      await tx.surveys.put(after)
      await auditSurvey(tx, ctx, { survey: after, action: 'outreach.closeSurvey', actorRole, summary: '结束调研' })
      return { surveyId, closed: true }
    }),
})
