/** `outreach.survey`: one survey she may read, with its questions and her own answer (to change it while it is open). */
import { defineAction } from '../../_shared/handler/action'
import { placeReader } from '../outreach'
import { namedSurvey, questionViews, surveySummary } from '../survey'

export const survey = defineAction({
  fn: 'outreach', name: 'survey', kind: 'read', authorization: ['survey.read'],
  run: async (ctx, { surveyId }) => {
    const placed = await placeReader(ctx)
    const named = await namedSurvey(ctx, placed, surveyId)
    const mine = await ctx.deps.store.surveyAnswers.get(surveyId, ctx.openid)
    return { survey: surveySummary(placed, named, ctx.now, mine !== null), questions: questionViews(named.survey.questions), mine: mine?.answers ?? null }
  },
})
