/**
 * The `outreach` function: announcements (公告) — policies, notices and activities an org publishes
 * to the residents of its subtree. A resident reads those of every org on her own village's chain
 * (village → province), newest first, pinned first, with an unread mark.
 *
 * Who may publish or retire: a cadre of the org itself, a village's convener for her village; the
 * admin may also retire any in her province (docs/RULES.md "Announcements").
 *
 * And surveys (调研): an org asks the residents (or the council members) of its subtree a few
 * questions; each person answers once and may change it until it closes; the results are counts per
 * option, overall and per child org, kept with every answer (docs/RULES.md "Surveys").
 */
import * as z from 'zod'
import { id, text } from './zod-zh'
import type { Level } from './enums'

export const ANNOUNCEMENT_KINDS = ['policy', 'notice', 'activity'] as const
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number]
export const ANNOUNCEMENT_KIND_LABELS: Record<AnnouncementKind, string> = { policy: '政策', notice: '通知', activity: '活动' }

export const ANNOUNCEMENT_TITLE_MAX = 40
export const ANNOUNCEMENT_BODY_MAX = 2000

const AnnouncementKindSchema = z.enum(ANNOUNCEMENT_KINDS, { error: '请选择公告类型：政策、通知或活动' })

const announcementContract = {
  /** Publishes an announcement at `orgId` (her own org); content-checked; one audit line. */
  publish: z.object({
    orgId: id('组织'),
    kind: AnnouncementKindSchema,
    title: text('标题', ANNOUNCEMENT_TITLE_MAX),
    body: text('正文', ANNOUNCEMENT_BODY_MAX),
    pinned: z.boolean({ error: '是否置顶应为是或否' }).optional(),
  }),
  /**
   * The announcements of every org on the caller's chain (her home village's, and the orgs she serves
   * at), pinned first, then newest first; `unread` against the time she last opened the list.
   * `limit` for 首页's card (the latest few).
   */
  feed: z.object({ limit: z.number({ error: '条数应为数字' }).int({ error: '条数应为整数' }).min(1, { error: '条数至少为 1' }).max(100, { error: '条数不能超过 100' }).optional() }),
  /** She opened the list: everything published until now is read. */
  markSeen: z.object({}),
  /** Takes an announcement down: kept for the record, no longer shown. */
  retire: z.object({ announcementId: id('公告') }),
}

/** An announcement as the app shows it. */
export interface Announcement {
  id: string
  kind: AnnouncementKind
  title: string
  body: string
  pinned: boolean
  orgId: string
  orgName: string
  level: Level
  publishedAt: string
  /** Published after she last opened the list. */
  unread: boolean
  /** Whether she may take it down (a cadre or convener of its org, the admin). */
  retirable: boolean
}

/** Where she may publish: the orgs where she is a cadre, or the village she convenes. */
export interface PublishPlace {
  orgId: string
  orgName: string
  level: Level
}

export interface OutreachAnnouncementResults {
  publish: { announcementId: string }
  feed: { items: Announcement[]; unreadCount: number; publishesAt: PublishPlace[] }
  markSeen: { seenAt: string }
  retire: { announcementId: string; retired: boolean }
}

export interface OutreachResults extends OutreachSurveyResults, OutreachAnnouncementResults {}

// ── surveys (调研) ─────────────────────────────────────────────────────────────────────────────────

export const SURVEY_AUDIENCES = ['residents', 'members'] as const
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number]
export const SURVEY_AUDIENCE_LABELS: Record<SurveyAudience, string> = { residents: '居民', members: '议事会成员' }

export const SURVEY_TITLE_MAX = 40
export const SURVEY_QUESTION_MAX = 100
export const SURVEY_OPTION_MAX = 30
export const SURVEY_FREE_ANSWER_MAX = 500
export const SURVEY_QUESTIONS_MAX = 20
export const SURVEY_OPTIONS_MIN = 2
export const SURVEY_OPTIONS_MAX = 10
/** The longest a survey stays open (docs/RULES.md "Surveys"). */
export const SURVEY_DAYS_MAX = 90

const ChoiceQuestionSchema = z.object({
  text: text('问题', SURVEY_QUESTION_MAX),
  options: z
    .array(text('选项', SURVEY_OPTION_MAX), { error: '请填写选项' })
    .min(SURVEY_OPTIONS_MIN, { error: `每个选择题至少 ${SURVEY_OPTIONS_MIN} 个选项` })
    .max(SURVEY_OPTIONS_MAX, { error: `每个选择题最多 ${SURVEY_OPTIONS_MAX} 个选项` }),
  multiple: z.boolean({ error: '是否多选应为是或否' }).optional(),
})
const FreeQuestionSchema = z.object({
  text: text('问题', SURVEY_QUESTION_MAX),
  free: z.literal(true, { error: '填空题应标明 free: true' }),
})

/** A question as opened: a choice (single unless `multiple`) or a free answer. */
export type SurveyQuestionInput = z.input<typeof ChoiceQuestionSchema> | z.input<typeof FreeQuestionSchema>

/** One answer per question, in order: the chosen option indexes (a choice), her words ('' for none: a free one). */
const AnswerSchema = z.union(
  [
    z.array(z.number({ error: '选项应为数字' }).int({ error: '选项应为整数' }).min(0, { error: '选项不存在' }), { error: '请作答' }),
    z.string({ error: '请作答' }).trim().max(SURVEY_FREE_ANSWER_MAX, { error: `回答不能超过 ${SURVEY_FREE_ANSWER_MAX} 个字` }),
  ],
  { error: '每题的回答应为所选的选项或一段文字' },
)
export type SurveyAnswer = number[] | string

const surveyContract = {
  /** Opens a survey at `orgId` (her own org, as for publish); content-checked; one audit line. */
  openSurvey: z.object({
    orgId: id('组织'),
    title: text('调研标题', SURVEY_TITLE_MAX),
    questions: z
      .array(z.union([FreeQuestionSchema, ChoiceQuestionSchema], { error: '问题应为选择题或填空题' }), { error: '请添加问题' })
      .min(1, { error: '请至少添加一个问题' })
      .max(SURVEY_QUESTIONS_MAX, { error: `问题不能超过 ${SURVEY_QUESTIONS_MAX} 个` }),
    closesAt: z.iso.datetime({ offset: true, error: '截止时间格式不正确' }),
    audience: z.enum(SURVEY_AUDIENCES, { error: '请选择调研对象：居民或议事会成员' }),
  }),
  /**
   * The surveys reaching her (of the orgs on her line, for her audience), open first, with whether
   * she has answered and what she may do; and where she may open one.
   */
  surveys: z.object({}),
  /** One survey with its questions and her own answer, if any. */
  survey: z.object({ surveyId: id('调研') }),
  /** Her answer (one per person, changed until it closes); free answers content-checked. */
  answerSurvey: z.object({
    surveyId: id('调研'),
    answers: z.array(AnswerSchema, { error: '请作答' }).max(SURVEY_QUESTIONS_MAX, { error: '回答太多' }),
  }),
  /**
   * Counts per option overall and per child org, from the counters kept with each answer; free
   * answers (newest first, a page at a time after `freeCursor`) for the survey org's own cadres and convener.
   */
  surveyResults: z.object({ surveyId: id('调研'), freeCursor: z.string({ error: '分页位置格式不正确' }).max(200, { error: '分页位置格式不正确' }).optional() }),
  /** Closes it before its deadline: no answers after. */
  closeSurvey: z.object({ surveyId: id('调研') }),
}

export const outreachContract = { ...announcementContract, ...surveyContract }

export type SurveyQuestionView = { text: string; free: false; options: string[]; multiple: boolean } | { text: string; free: true }

/** A survey in her list and at the top of its pages. */
export interface SurveySummary {
  id: string
  title: string
  orgId: string
  orgName: string
  level: Level
  audience: SurveyAudience
  openedAt: string
  closesAt: string
  status: 'open' | 'closed'
  questionCount: number
  /** She has answered (and may change it while it is open). */
  answered: boolean
  /** She is in its audience and it is open. */
  mayAnswer: boolean
  /** She may read its results now (her org asked it, it has closed, or she answered). */
  mayResults: boolean
  /** She may close it early (those who may open one at its org). */
  mayClose: boolean
}

export interface SurveyQuestionResult {
  text: string
  free: boolean
  multiple: boolean
  /** How many answered this question (a free one: with some words). */
  answered: number
  options: { text: string; count: number }[]
}

export interface SurveyChildResult {
  orgId: string
  orgName: string
  level: Level
  respondents: number
  /** Per question, per option: how many of this org's chose it (a free question: []). */
  counts: number[][]
}

export interface SurveyFreeAnswer {
  /** The question's index. */
  question: number
  text: string
  at: string
}

export interface OutreachSurveyResults {
  openSurvey: { surveyId: string }
  /** `now`: the server's, to count a new survey's deadline from (the phone's clock may be wrong). */
  surveys: { items: SurveySummary[]; waiting: number; opensAt: PublishPlace[]; now: string }
  survey: { survey: SurveySummary; questions: SurveyQuestionView[]; mine: SurveyAnswer[] | null }
  answerSurvey: { surveyId: string; changed: boolean }
  surveyResults: {
    survey: SurveySummary
    respondents: number
    questions: SurveyQuestionResult[]
    children: SurveyChildResult[]
    /** Only for the survey org's own cadres and convener; never who wrote them. */
    free: { items: SurveyFreeAnswer[]; nextCursor: string | null } | null
  }
  closeSurvey: { surveyId: string; closed: boolean }
}
