/** The `escalation` function: the holder org's work on a case, and the deadline sweep (a timer). */
import * as z from 'zod'
import { id, text } from './zod-zh'
import { CASE_STATUSES, Category, Outcome, type Level, type Role } from './enums'
import type { CaseDetail, CaseSummary, SuperviseReason } from './case.contract'

const caseId = id('反映编号')

/** At most this many tasks in one case's 帮扶方案 (the case document holds them). */
export const PLAN_TASKS_MAX = 20
export const TASK_TITLE_MAX = 40

/**
 * Who does a 帮扶任务: a person with an account (a member of the holder's council or of the case's
 * village council, or a cadre of the holder: escalation.taskAssignees lists them), or a named
 * 巾帼志愿者 who may have none — the holder completes hers for her, and her phone is for the holder only.
 */
export const TaskAssignee = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('member'), openid: id('承办人') }),
    z.object({
      kind: z.literal('volunteer'),
      name: text('志愿者姓名', 10),
      phone: z.string().trim().regex(/^1[3-9]\d{9}$/, { error: '请填写 11 位手机号码' }).optional(),
    }),
  ],
  { error: '请选择承办人' },
)
export type TaskAssignee = z.infer<typeof TaskAssignee>

/** What became of the open tasks when the case is resolved: done after all, or no longer needed. */
export const OPEN_TASK_ENDINGS = ['done', 'dropped'] as const
export type OpenTaskEnding = (typeof OPEN_TASK_ENDINGS)[number]

export const escalationContract = {
  /** Cases held by the caller's org(s): overdue first, then by deadline. */
  inbox: z.object({
    status: z.enum(CASE_STATUSES, { error: '状态无效' }).optional(),
    category: Category.optional(),
  }),
  accept: z.object({ caseId }),
  /**
   * With open 帮扶任务 the holder must say what became of them (`openTasks`, and a note if she wants);
   * without them both are ignored.
   */
  resolve: z.object({
    caseId,
    outcome: Outcome,
    resolution: text('办理情况', 1000),
    openTasks: z.enum(OPEN_TASK_ENDINGS, { error: '请说明未完成的帮扶任务是已完成还是不再需要' }).optional(),
    openTasksNote: text('帮扶任务说明', 200).optional(),
  }),
  escalate: z.object({ caseId, reason: text('上报理由', 500) }),
  handBack: z.object({ caseId, toOrgId: id('交办单位'), instructions: text('交办意见', 500) }),
  assign: z.object({
    caseId,
    department: text('部门名称', 40),
    note: text('协调说明', 500),
    followUpBy: z.iso.datetime({ offset: true, error: '跟进日期格式不正确' }).optional(),
  }),
  reply: z.object({ caseId, reply: text('部门答复', 1000) }),
  /** 催办 by a cadre of an org above the holder on the case's chain: the holder's cadres are told. */
  urge: z.object({ caseId, note: text('催办意见', 200).optional() }),
  /** 提级办理: a cadre of an org above the holder pulls the case up to her org, with fresh deadlines. */
  takeOver: z.object({ caseId, reason: text('提级办理理由', 500) }),
  /**
   * 转办: a misrouted case to the right org at its level under the same parent — by the holder within
   * 48 hours of its arrival, or by the parent org's cadre at any time. Above the village level the
   * case's village must move too: `villageId`, a village under `toOrgId` (ignored at the village level,
   * where `toOrgId` is the village).
   */
  transfer: z.object({
    caseId,
    toOrgId: id('转办单位'),
    villageId: id('所在村（社区）').optional(),
    reason: text('转办理由', 500),
  }),
  /** 延期 by the holder, before its resolve deadline: once per level, at most its level's own resolve days. */
  requestExtension: z.object({
    caseId,
    days: z
      .number({ error: '请选择延期天数' })
      .int({ error: '延期天数应为整数' })
      .min(1, { error: '延期至少 1 天' })
      .max(30, { error: '延期不能超过 30 天' }),
    reason: text('延期理由', 500),
  }),
  /** The parent org's cadre answers the pending 延期 request; approved, the resolve deadline moves. */
  decideExtension: z.object({
    caseId,
    approve: z.boolean({ error: '请选择同意或不同意' }),
    note: text('审批意见', 200).optional(),
  }),
  /**
   * Open cases in the caller's subtree (or `orgId`'s, within her reach) that have missed a deadline
   * somewhere on their way, were urged, taken over, extended or wait for a 延期 decision: what a
   * supervising level follows up. Most missed first.
   */
  overdue: z.object({ orgId: id('组织').optional() }),
  /**
   * 合并办理: the holder closes `caseId` as a duplicate of `intoCaseId` (open, held by her org too, and
   * one anyone may follow: not anonymous, not sensitive). Its reporter and supporters follow the target.
   */
  merge: z.object({ caseId, intoCaseId: id('合并到的反映编号') }),
  /**
   * 帮扶方案: the holder adds a task — what (`title`), who (`assignee`), by when (`dueAt`: after now, not
   * after the case's resolve deadline). A member assignee is told in 消息.
   */
  planTask: z.object({
    caseId,
    title: text('任务内容', TASK_TITLE_MAX),
    assignee: TaskAssignee,
    dueAt: z.iso.datetime({ offset: true, error: '完成日期格式不正确' }),
  }),
  /** The holder, or the member the task names, marks it done, with a note if she wants. */
  completeTask: z.object({ caseId, taskId: id('任务编号'), note: text('完成情况', 200).optional() }),
  /** Whom the holder may name for a task of this case (the 添加任务 sheet's list). */
  taskAssignees: z.object({ caseId }),
}

export interface EscalationResults {
  inbox: {
    items: CaseSummary[]
    counts: Record<'pending' | 'in_progress' | 'resolved' | 'overdue', number>
    /** The server's now: deadlines are counted from it. */
    asOf: string
  }
  accept: { case: CaseDetail }
  resolve: { case: CaseDetail }
  /**
   * null when passing it up took the case out of the caller's sight (a cadre does not supervise the
   * level above her): the escalation is made; the app should go back to the queue.
   */
  escalate: { case: CaseDetail | null }
  handBack: { case: CaseDetail }
  assign: { case: CaseDetail }
  reply: { case: CaseDetail }
  urge: { case: CaseDetail }
  takeOver: { case: CaseDetail }
  /** null when the case left her sight (a holder that moved it to another village no longer sees it). */
  transfer: { case: CaseDetail | null }
  requestExtension: { case: CaseDetail }
  decideExtension: { case: CaseDetail }
  merge: { case: CaseDetail }
  /**
   * Each case says why it is listed (`reasons`, most telling first) and what the caller may do about
   * it (`can`: 催办, 提级办理, deciding its pending 延期).
   */
  overdue: { items: SupervisedCase[]; asOf: string; truncated: boolean }
  planTask: { taskId: string; case: CaseDetail }
  completeTask: { case: CaseDetail }
  taskAssignees: { items: TaskCandidate[] }
}

/** A person the holder may name for a task: where she sits, in which role. */
export interface TaskCandidate {
  openid: string
  name: string | null
  role: Role
  orgId: string
  orgName: string
  level: Level
}

export interface SupervisedCase extends CaseSummary {
  missedDeadlines: number
  reasons: SuperviseReason[]
  can: { urge: boolean; takeOver: boolean; decideExtension: boolean }
}
