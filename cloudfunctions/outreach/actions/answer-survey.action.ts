/**
 * `outreach.answerSurvey` (填写调研): her answer, one per person, changed as often as she likes until
 * it closes. Kept under her tag, never her openid; counted in the same transaction at every org of her
 * chain, from the village she answers from up to the survey's org (a change adds the difference), so
 * the results are read, never recounted. Her free words are content-checked.
 *
 * Not in the audit log: an answer is a resident's own act, and a province-wide survey would write
 * millions of lines naming nobody.
 */
import { answerChain, answerProblem, countChange, hasFreeWords, isClosed } from '../../_shared/domain/survey.rules'
import { defineAction } from '../../_shared/handler/action'
import { conflict, forbidden, invalidInput, notFound } from '../../_shared/context/failures'
import { placeReader } from '../outreach'
import { namedSurvey, NO_SUCH_SURVEY } from '../survey'

const CLOSED = '这份调研已经截止'

export const answerSurvey = defineAction({
  fn: 'outreach', name: 'answerSurvey', kind: 'write', authorization: ['survey.answer'],
  authorize: async (ctx, { surveyId, answers }) => {
    const placed = await placeReader(ctx)
    const { survey, line } = await namedSurvey(ctx, placed, surveyId)
    const chain = answerChain(placed.reader, survey, line, placed.lineOf)
    if (!chain) throw forbidden(survey.audience === 'members' ? '这份调研请议事会成员填写' : '这份调研请本地居民填写')
    if (isClosed(survey, ctx.now)) throw conflict(CLOSED)
    const problem = answerProblem(survey.questions, answers)
    if (problem) throw invalidInput(problem, [{ path: 'answers', message: problem }])
    return { chain }
  },
  contentChecked: ({ answers }) => answers.filter((a): a is string => typeof a === 'string' && a !== ''),
  run: async (ctx, { surveyId, answers }, { chain }) =>
    ctx.deps.store.transaction(async (tx) => {
      // Read again inside: closed early meanwhile, it takes no more answers.
      const survey = await tx.surveys.get(surveyId)
      if (!survey) throw notFound(NO_SUCH_SURVEY)
      if (isClosed(survey, ctx.now)) throw conflict(CLOSED)
      const before = await tx.surveyAnswers.get(surveyId, ctx.openid)
      if (before && JSON.stringify(before.answers) === JSON.stringify(answers)) return { surveyId, changed: false }
      const answer = {
        surveyId,
        answerId: before?.answerId ?? ctx.deps.ids.next('answer'),
        // Counted where she first answered from, so a change takes back from the same orgs.
        chain: before?.chain ?? chain,
        answers,
        answeredAt: before?.answeredAt ?? ctx.now,
        changedAt: ctx.now,
        hasFree: hasFreeWords(survey.questions, answers),
      }
      await tx.surveyAnswers.put(ctx.openid, answer)
      await tx.surveyCounters.add(surveyId, answer.chain, countChange(survey.questions, before?.answers ?? null, answers), answer.answerId)
      return { surveyId, changed: true }
    }),
})
