/** The `escalation` function: the holder org's work on a case, and the deadline sweep (a timer). */
import { z, id, text } from './zod-zh'
import { CASE_STATUSES, Category, Outcome } from './enums'
import type { CaseDetail, CaseSummary, SuperviseReason } from './case.contract'

const caseId = id('反映编号')

export const escalationContract = {
  /** Cases held by the caller's org(s): overdue first, then by deadline. */
  inbox: z.object({
    status: z.enum(CASE_STATUSES, { error: '状态无效' }).optional(),
    category: Category.optional(),
  }),
  accept: z.object({ caseId }),
  resolve: z.object({ caseId, outcome: Outcome, resolution: text('办理情况', 1000) }),
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
}

export interface SupervisedCase extends CaseSummary {
  missedDeadlines: number
  reasons: SuperviseReason[]
  can: { urge: boolean; takeOver: boolean; decideExtension: boolean }
}
