/**
 * `outreach.surveys` (调研): the surveys of the orgs on her line — her home village's, and the line of
 * each org she serves at — that reach her (their audience is hers), open ones first; whether she has
 * answered each (one read for all of them); how many wait for her answer (首页's card); where she may
 * open one. One read per org of her line, never a scan.
 */
import { mayOnSurvey, openPlaces, surveyOrder, surveySources, SURVEYS_PER_ORG } from '../../_shared/domain/survey.rules'
import { defineAction } from '../../_shared/handler/action'
import { placeReader } from '../outreach'
import { surveySummary } from '../survey'

export const surveys = defineAction({
  fn: 'outreach', name: 'surveys', kind: 'read', authorization: ['survey.list'],
  run: async (ctx) => {
    const placed = await placeReader(ctx)
    const lists = await Promise.all(surveySources(placed.reader, placed.lineOf).map((orgId) => ctx.deps.store.surveys.ofOrg(orgId, SURVEYS_PER_ORG)))
    const reaching = []
    for (const survey of lists.flat()) {
      const line = await placed.lineOfOrg(survey.orgId)
      if (mayOnSurvey('survey.list', placed.reader, survey.audience, line, placed.lineOf)) reaching.push({ survey, line })
    }
    reaching.sort((a, b) => surveyOrder(ctx.now)(a.survey, b.survey))
    const answered = await ctx.deps.store.surveyAnswers.answeredOf(ctx.openid, reaching.map((r) => r.survey.id))
    const items = reaching.map((named) => surveySummary(placed, named, ctx.now, answered.has(named.survey.id)))
    const opensAt = []
    for (const orgId of openPlaces(placed.person)) {
      const org = (await placed.lineOfOrg(orgId))[0]
      if (org) opensAt.push({ orgId: org.id, orgName: org.name, level: org.level })
    }
    const waiting = items.filter((i) => i.mayAnswer && !i.answered).length
    return { items, waiting, opensAt, now: ctx.now }
  },
})
