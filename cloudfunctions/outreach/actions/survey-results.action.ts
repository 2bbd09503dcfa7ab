/**
 * `outreach.surveyResults` (调研结果): counts per option, overall (the survey org's counters) and per
 * child org (each child's counters): 1 + children reads of counters, however many answered. While it
 * is open, for those who watch it (survey.watch) and for her once she has answered; after it closes,
 * for everyone who may read it. Free answers, a page at a time and never who wrote them, only for the
 * survey org's own cadres and convener (survey.freeAnswers).
 */
import { FREE_ANSWERS_PER_PAGE, freeWordsOf, isClosed, mayInOffice, partOf, resultsOf } from '../../_shared/domain/survey.rules'
import { defineAction } from '../../_shared/handler/action'
import { forbidden } from '../../_shared/context/failures'
import { placeReader } from '../outreach'
import { namedSurvey, surveySummary } from '../survey'
import type { Store, SurveyRecord } from '../../_shared/ports/store.port'

export const surveyResults = defineAction({
  fn: 'outreach', name: 'surveyResults', kind: 'read', authorization: ['survey.read', 'survey.watch', 'survey.freeAnswers'],
  run: async (ctx, { surveyId, freeCursor }) => {
    const { store } = ctx.deps
    const placed = await placeReader(ctx)
    const named = await namedSurvey(ctx, placed, surveyId)
    const { survey, line } = named
    const answered = (await store.surveyAnswers.get(surveyId, ctx.openid)) !== null
    const watching = mayInOffice('survey.watch', placed.person, line, placed.lineOf)
    if (!isClosed(survey, ctx.now) && !answered && !watching) throw forbidden('填写后或截止后可以看结果')

    const children = await store.orgs.children(survey.orgId)
    const [whole, ...parts] = await store.surveyCounters.of(surveyId, [survey.orgId, ...children.map((c) => c.id)])
    const free = mayInOffice('survey.freeAnswers', placed.person, line, placed.lineOf)
      ? await freePage(store, survey, freeCursor)
      : null
    return {
      survey: surveySummary(placed, named, ctx.now, answered),
      ...resultsOf(survey.questions, whole ?? {}),
      children: children.map((org, i) => ({ orgId: org.id, orgName: org.name, level: org.level, ...partOf(survey.questions, parts[i] ?? {}) })),
      free,
    }
  },
})

/** One page of free answers: each answer's words, with when she last changed it; never who she is. */
async function freePage(store: Store, survey: SurveyRecord, cursor: string | undefined) {
  const page = await store.surveyAnswers.withFreeWords(survey.id, FREE_ANSWERS_PER_PAGE, cursor)
  const items = page.flatMap(({ answer }) => freeWordsOf(survey.questions, answer.answers).map((w) => ({ ...w, at: answer.changedAt })))
  return { items, nextCursor: page.length === FREE_ANSWERS_PER_PAGE ? page.at(-1)!.cursor : null }
}
