/**
 * The `deliberation` function (议事协商): a council opens a micro-deliberation on a case or a free
 * topic, members vote and discuss before a deadline, the result is decided by quorum and pass rule.
 */
import * as z from 'zod'
import { id, text } from './zod-zh'

export const DELIBERATION_STATUSES = ['open', 'closed'] as const
export type DeliberationStatus = (typeof DELIBERATION_STATUSES)[number]
export const DELIBERATION_STATUS_LABELS: Record<DeliberationStatus, string> = { open: '进行中', closed: '已结束' }

/** passed: one option won; no_quorum: too few ballots; no_majority: quorum met, no option over the pass ratio. */
export const DELIBERATION_RESULT_KINDS = ['passed', 'no_quorum', 'no_majority'] as const
export type DeliberationResultKind = (typeof DELIBERATION_RESULT_KINDS)[number]
export const DELIBERATION_RESULT_LABELS: Record<DeliberationResultKind, string> = {
  passed: '表决通过',
  no_quorum: '未达到法定人数',
  no_majority: '未形成多数意见',
}

export const DELIBERATION_TITLE_MAX = 40
export const DELIBERATION_BACKGROUND_MAX = 2000
export const DELIBERATION_OPTION_MAX = 40
export const DELIBERATION_OPTIONS_MIN = 2
export const DELIBERATION_OPTIONS_MAX = 10
export const DELIBERATION_COMMENT_MAX = 500
export const DELIBERATION_MAX_DAYS = 30

const deliberationId = id('议事编号')

/** Option indexes (0-based); one for single choice, one or more distinct for multiple choice. */
const choices = z
  .array(z.number({ error: '选项无效' }).int({ error: '选项无效' }).min(0, { error: '选项无效' }), {
    error: '请选择投票选项',
  })
  .min(1, { error: '请至少选择一项' })
  .max(DELIBERATION_OPTIONS_MAX, { error: '选项无效' })

/** A group ticket: the cloudID of wx.getGroupEnterInfo / wx.getShareInfo (weapp, passed as a plain string, not wrapped in wx.cloud.CloudID), or a simulated group id (local host). */
const groupTicket = {
  cloudID: z.string({ error: '群聊信息无效' }).min(1, { error: '群聊信息无效' }).max(1024, { error: '群聊信息无效' }).optional(),
  localGroupId: z
    .string({ error: '群编号无效' })
    .regex(/^[\w-]{1,64}$/, { error: '群编号无效' })
    .optional(),
}

export const deliberationContract = {
  /** Opens a deliberation (the convener or a cadre of the village council's org). */
  open: z.object({
    /** The village (community) whose council deliberates. */
    orgId: id('议事会'),
    /** The case it is about; absent for a free topic (e.g. a 家风家训 initiative). */
    caseId: id('反映编号').optional(),
    title: text('议题', DELIBERATION_TITLE_MAX),
    background: text('议题背景', DELIBERATION_BACKGROUND_MAX),
    options: z
      .array(text('选项内容', DELIBERATION_OPTION_MAX), { error: '请填写表决选项' })
      .min(DELIBERATION_OPTIONS_MIN, { error: `至少需要 ${DELIBERATION_OPTIONS_MIN} 个选项` })
      .max(DELIBERATION_OPTIONS_MAX, { error: `最多 ${DELIBERATION_OPTIONS_MAX} 个选项` }),
    /** Multiple choice: a ballot may pick several options. Default single choice. */
    multiple: z.boolean({ error: '请选择单选或多选' }).optional(),
    /** The deadline: at least an hour from now, at most 30 days. */
    closesAt: z.iso.datetime({ offset: true, error: '截止时间格式不正确' }),
    /** Ballots needed for a valid result; default ⌈2/3 of the council's members⌉. */
    quorum: z.number({ error: '法定人数无效' }).int({ error: '法定人数应为整数' }).min(1, { error: '法定人数至少为 1' }).optional(),
    /** An option passes with a share of ballots strictly greater than this; default 0.5 (more than half). */
    passRatio: z
      .number({ error: '通过比例无效' })
      .min(0.5, { error: '通过比例不能低于半数' })
      .max(0.99, { error: '通过比例不能超过 99%' })
      .optional(),
    /** Hides who voted what from everyone (the convener still sees who has voted, to remind them). */
    anonymous: z.boolean({ error: '请选择是否匿名表决' }).optional(),
    /** When the one reminder goes to members who have not voted; default 24 hours before the deadline. */
    remindHoursBefore: z.number({ error: '提醒时间无效' }).int({ error: '提醒时间无效' }).min(1).max(168).optional(),
  }),
  get: z.object({ deliberationId }),
  /** Casts or changes the caller's ballot (members of the council only, until close). */
  vote: z.object({ deliberationId, choices }),
  /** The convener records the ballot of a member who agreed by phone; kept in the audit trail. */
  proxyVote: z.object({
    deliberationId,
    memberOpenid: id('成员'),
    choices,
    note: text('代录说明', 200),
  }),
  comment: z.object({ deliberationId, text: text('意见', DELIBERATION_COMMENT_MAX) }),
  /** Closes it now (the convener or a cadre of the org); the timer closes it at the deadline. */
  close: z.object({ deliberationId }),
  /** Deliberations of the caller's councils (or of one org she may read), newest first. */
  list: z.object({
    orgId: id('议事会').optional(),
    status: z.enum(DELIBERATION_STATUSES, { error: '状态无效' }).optional(),
  }),
  /** Binds the council's WeChat group chat (the convener or a cadre of the org). */
  bindGroup: z
    .object({ orgId: id('议事会'), ...groupTicket })
    .refine((input) => (input.cloudID === undefined) !== (input.localGroupId === undefined), {
      error: '请在议事会的微信群中打开小程序后再绑定',
      path: ['cloudID'],
    }),
  /** Where a member arriving from a group chat (or an org's card) should land: the latest open deliberation. */
  resolveGroup: z
    .object({ orgId: id('议事会').optional(), ...groupTicket })
    .refine((input) => input.orgId !== undefined || input.cloudID !== undefined || input.localGroupId !== undefined, {
      error: '缺少群聊信息',
      path: ['cloudID'],
    }),
  /** The card to share into the group (动态消息): its WeChat activity id, made once and renewed when it runs out. */
  shareCard: z.object({ deliberationId }),
  /** The convener's 提醒未投票的成员: a subscription message to each member who has not voted; throttled. */
  remindVoters: z.object({ deliberationId }),
}

/** What the group card says now: X人已参与, 即将截止 (from the reminder instant), 已结束. */
export const CARD_PHASES = ['open', 'closing', 'ended'] as const
export type CardPhase = (typeof CARD_PHASES)[number]

export interface ShareCardView {
  /** For wx.updateShareMenu: the card updates itself in every chat it was shared to. */
  activityId: string
  /** When WeChat stops updating it (24 hours after it was made); a share after that gets a new one. */
  expiresAt: string
  /** wx.updateShareMenu's templateInfo, as it is passed. */
  templateInfo: { templateId: string; parameterList: { name: string; value: string }[] }
  card: { phase: CardPhase; ballots: number; members: number; label: string }
}

export interface RemindVotersResult {
  /** Members on the roll who had not voted: each gets the reminder (a subscription message if she allowed one; always in 消息). */
  reminded: number
  /** When she may remind again. */
  nextAt: string
  /**
   * For wx.notifyGroupMembers in chat-tool mode only: its title (≤ 30, a Chinese character counting two)
   * and the page it opens. The members are the group_openids the phone picks there (wx.selectGroupMembers):
   * WeChat gives those only in chat-tool mode, and they are not our openids.
   */
  chatTool: { title: string; entrancePath: string; type: 'participate' }
}

export interface DeliberationResultView {
  kind: DeliberationResultKind
  /** The winning option's index (passed only). */
  option?: number
  optionText?: string
}

export interface Turnout {
  /** Ballots cast so far (a changed ballot counts once). */
  ballots: number
  /** The electorate: council members when it opened. */
  members: number
  quorum: number
  quorumMet: boolean
}

export interface MyBallot {
  choices: number[]
  castAt: string
  /** Present when the convener recorded it for her. */
  proxy?: { byName: string; note: string }
}

export type CommentAuthorRole = 'member' | 'convener' | 'cadre'

export interface DeliberationComment {
  id: string
  authorName: string
  authorRole: CommentAuthorRole
  text: string
  at: string
  mine: boolean
}

/** One ballot in the audit trail. `choices` is absent in anonymous mode. */
export interface AuditEntry {
  voterOpenid: string
  voterName: string
  choices?: number[]
  castAt: string
  proxy?: { byName: string; note: string }
  /** How many times it was changed after the first cast. */
  changes: number
}

/** Who has voted and who has not (the convener chases the rest by phone). */
export interface RollEntry {
  openid: string
  name: string
  voted: boolean
}

export interface DeliberationSummary {
  id: string
  orgId: string
  orgName: string
  caseId?: string
  title: string
  /** Safe for a group-chat card and a lock screen: neutral when the case is sensitive. */
  shareTitle: string
  status: DeliberationStatus
  multiple: boolean
  anonymous: boolean
  openedAt: string
  closesAt: string
  closedAt?: string
  turnout: Turnout
  result?: DeliberationResultView
  /** The caller has a ballot in it. */
  voted: boolean
  commentCount: number
}

export interface DeliberationDetail extends DeliberationSummary {
  /** The server's "now": count down from it, not from the phone's clock. */
  asOf: string
  background: string
  options: string[]
  passRatio: number
  /** Votes per option; absent (countsHidden) until she has voted or it has closed. The convener and cadres always see them. */
  counts?: number[]
  countsHidden: boolean
  myBallot?: MyBallot
  /** The latest comments, oldest first. */
  comments: DeliberationComment[]
  /** The ballots, for the convener and cadres; for members too once counts show, unless anonymous. */
  audit?: AuditEntry[]
  /** Voted / not voted per member: the convener and cadres of the org only. */
  roll?: RollEntry[]
  /** Whether the result was written to the case's timeline (deliberations on a case, once closed). */
  resultOnCase?: 'written' | 'refused'
  /**
   * The council's group chat is bound (a card shared there opens straight to this deliberation). For
   * whoever runs the council (as `can.bindGroup`), who binds it; absent for everyone else.
   */
  groupBound?: boolean
  /** What the caller may do now, so the app shows only buttons that work. */
  can: { vote: boolean; proxyVote: boolean; comment: boolean; close: boolean; bindGroup: boolean; share: boolean; remind: boolean }
  /** The convener's 提醒未投票的成员 is throttled: when she may next (absent: now). */
  remindAgainAt?: string
}

export interface DeliberationResults {
  open: { deliberationId: string }
  get: { deliberation: DeliberationDetail }
  vote: { deliberation: DeliberationDetail }
  proxyVote: { deliberation: DeliberationDetail }
  comment: { deliberation: DeliberationDetail }
  close: { deliberation: DeliberationDetail }
  list: { items: DeliberationSummary[] }
  bindGroup: { orgId: string; orgName: string; groupBound: true }
  resolveGroup: { orgId: string; orgName: string; deliberationId: string | null; shareTitle?: string }
  shareCard: ShareCardView
  remindVoters: RemindVotersResult
}
