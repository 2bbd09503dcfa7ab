/**
 * `outreach`: announcements (公告) — an org's policies, notices and activities for the residents of
 * its subtree (publish, retire), and each person's list of those on her line with unread marks
 * (feed, markSeen); and surveys (调研) — an org asks the residents or council members of its subtree
 * (openSurvey, closeSurvey), each answers once and may change it (surveys, survey, answerSurvey), and
 * the results are counts kept with every answer (surveyResults). The rules are
 * domain/outreach.rules.ts and domain/survey.rules.ts; what the actions share, outreach.ts and survey.ts.
 */
import { defineFunction } from '../_shared/handler/define-function'
import { answerSurvey } from './actions/answer-survey.action'
import { closeSurvey } from './actions/close-survey.action'
import { feed } from './actions/feed.action'
import { markSeen } from './actions/mark-seen.action'
import { openSurvey } from './actions/open-survey.action'
import { publish } from './actions/publish.action'
import { retire } from './actions/retire.action'
import { survey } from './actions/survey.action'
import { surveyResults } from './actions/survey-results.action'
import { surveys } from './actions/surveys.action'

export const outreachFunction = defineFunction('outreach', {
  publish,
  feed,
  markSeen,
  retire,
  openSurvey,
  surveys,
  survey,
  answerSurvey,
  surveyResults,
  closeSurvey,
})
