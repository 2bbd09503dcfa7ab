/**
 * What someone asks of a case, in the imperative. Each command carries its time (`at`) and its
 * actor; the decider checks that the actor may issue it, so a handler cannot forget to.
 */
import type { CaseKind, Category, Outcome, Satisfaction, Solved } from '../../../types/enums'
import type { Actor } from './actor.types'
import type { Chain } from './org-ladder'
import type { DeliberationOutcome } from './case.events'
import type { CaseState } from './case.state'
import type { OpenTaskEnding, TaskAssigneeCandidate } from './help-plan.rules'

interface CommandBase {
  at: string
  actor: Actor
}

export interface SubmitCase extends CommandBase {
  type: 'SubmitCase'
  caseId: string
  kind: CaseKind
  category: Category
  title: string
  content: string
  villageId: string
  /** Built by the handler with chainFrom(); captured on the case for its whole life. */
  chain: Chain
  reporterOpenid: string
  anonymous: boolean
  /** Stored file ids of the photos she attached (at most 9; the contract checks it). */
  photos?: string[]
  /**
   * A council member files for a resident who cannot (no phone, no WeChat, cannot read): the member is
   * the reporter of record who follows it and tells her; the resident's name stays in the contact record.
   */
  onBehalf?: boolean
}

export interface AcceptCase extends CommandBase {
  type: 'AcceptCase'
}

export interface ResolveCase extends CommandBase {
  type: 'ResolveCase'
  outcome: Outcome
  resolution: string
  /** What became of the 帮扶方案's open tasks: required while there are any (help-plan.rules.ts). */
  openTasks?: OpenTaskEnding
  openTasksNote?: string
}

/**
 * 帮扶方案: the holder sets a task. A member assignee comes with her role bindings, read by the
 * handler, so the decider can tell whether she may be named (help-plan.rules.ts assigneeProblem).
 */
export interface PlanTask extends CommandBase {
  type: 'PlanTask'
  title: string
  assignee: TaskAssigneeCandidate
  dueAt: string
}

/** The holder, or the member the task names, marks it done. */
export interface CompleteTask extends CommandBase {
  type: 'CompleteTask'
  taskId: string
  note?: string
}

/** By hand, to the parent org (e.g. a deliberation found it cannot be solved here). */
export interface EscalateCase extends CommandBase {
  type: 'EscalateCase'
  reason: string
}

/** An upper level sends the case down to an org below it on the case's chain. */
export interface HandBackCase extends CommandBase {
  type: 'HandBackCase'
  toOrgId: string
  instructions: string
}

/**
 * 催办: a cadre of an org above the holder on the case's chain presses the holder to act; the case
 * stays where it is (docs/RULES.md "Supervision").
 */
export interface UrgeCase extends CommandBase {
  type: 'UrgeCase'
  note?: string
}

/**
 * 提级办理: a cadre of an org above the holder on the case's chain pulls the case up to her own org,
 * which holds it from now on with fresh deadlines of its level.
 */
export interface TakeOverCase extends CommandBase {
  type: 'TakeOverCase'
  reason: string
}

/**
 * 转办: a misrouted case moves to the right org at the same level under the same parent — by the holder
 * within policy.transferWithinHours of its arrival, or by the parent org's cadre at any time. The
 * case's village may change with it: `chain` is the ladder of the village it belongs to from now on,
 * built by the handler from the org tree (chainFrom); null when the target named none.
 */
export interface TransferCase extends CommandBase {
  type: 'TransferCase'
  toOrgId: string
  reason: string
  chain: Chain | null
}

/** 延期: the holder asks its parent org for more days on the resolve deadline, once per level. */
export interface RequestExtension extends CommandBase {
  type: 'RequestExtension'
  days: number
  reason: string
}

/** The parent org's cadre answers the pending 延期 request: approved, the resolve deadline moves. */
export interface DecideExtension extends CommandBase {
  type: 'DecideExtension'
  approve: boolean
  note?: string
}

/** The case stays with the holder org, which follows up with a partner department. */
export interface AssignDepartment extends CommandBase {
  type: 'AssignDepartment'
  department: string
  note: string
  followUpBy?: string
}

export interface RecordDepartmentReply extends CommandBase {
  type: 'RecordDepartmentReply'
  reply: string
}

export interface RateCase extends CommandBase {
  type: 'RateCase'
  solved: Solved
  satisfaction: Satisfaction
  comment?: string
  /** She confirmed the case should go on one level up; only with solved partly or no. */
  reopen?: boolean
}

export interface WithdrawCase extends CommandBase {
  type: 'WithdrawCase'
  reason?: string
}

/** Timer: closes a resolved case the reporter did not rate in time. */
export interface AutoCloseCase extends CommandBase {
  type: 'AutoCloseCase'
}

/** Timer: acts on whichever deadline has passed (escalates, or flags at the province). */
export interface MissDeadline extends CommandBase {
  type: 'MissDeadline'
}

/**
 * Timer: a running deadline is near (临期提醒); the holder's convener and cadres are told, once per
 * deadline (case.timers.ts `remindersDue`).
 */
export interface RemindDeadline extends CommandBase {
  type: 'RemindDeadline'
}

/** System: a council's deliberation on the case closed; its result goes on the timeline. */
export interface RecordDeliberation extends CommandBase {
  type: 'RecordDeliberation'
  deliberationId: string
  /** The council's org (where it happened), whoever holds the case now. */
  orgId: string
  title: string
  result: DeliberationOutcome
}

/**
 * System: WeChat's content check found a photo of the case unfit to show (photo-check.policy.ts
 * decides which verdicts); the photo is hidden from every view from now on.
 */
export interface RejectPhoto extends CommandBase {
  type: 'RejectPhoto'
  /** The stored file id, as the case lists it in `photos`. */
  photo: string
}

/**
 * 我也遇到: she follows the case. `following`: she already does (read by the handler in the change's
 * transaction from the followers' store); then nothing happens.
 */
export interface SupportCase extends CommandBase {
  type: 'SupportCase'
  following: boolean
}

/**
 * 合并办理: the holder closes this case as a duplicate of `into`, the target as the handler read it in
 * the same transaction (null: not there, or not hers to see).
 */
export interface MergeCase extends CommandBase {
  type: 'MergeCase'
  into: CaseState | null
}

/** The target's side of a merge, by the same person: `added` new followers came with `fromCaseId`. */
export interface AbsorbMergedCase extends CommandBase {
  type: 'AbsorbMergedCase'
  fromCaseId: string
  added: number
}

export type CaseCommand =
  | SubmitCase
  | AcceptCase
  | ResolveCase
  | EscalateCase
  | HandBackCase
  | UrgeCase
  | TakeOverCase
  | TransferCase
  | RequestExtension
  | DecideExtension
  | AssignDepartment
  | RecordDepartmentReply
  | RateCase
  | WithdrawCase
  | AutoCloseCase
  | MissDeadline
  | RemindDeadline
  | RecordDeliberation
  | RejectPhoto
  | SupportCase
  | MergeCase
  | AbsorbMergedCase
  | PlanTask
  | CompleteTask

export type CaseCommandType = CaseCommand['type']
