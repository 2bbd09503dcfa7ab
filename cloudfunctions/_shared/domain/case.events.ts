/**
 * What happened to a case, in the past tense. Every event says where it happened (`level`,
 * `orgId`: the timeline shows these, never the person) and, when a person acted, `by` for the
 * audit trail. Events that set deadlines carry them, so folding never needs the policy.
 */
import type { CaseKind, Category, Level, Outcome, Satisfaction, Solved } from '../../../types/enums'
import type { DeliberationResultKind } from '../../../types/deliberation.contract'
import type { ActedBy } from './actor.types'
import type { Chain } from './org-ladder'
import type { Reporter, TaskAssigneeRecord } from './case.state'
import type { OpenTaskEnding } from './help-plan.rules'

interface EventBase {
  at: string
  level: Level
  orgId: string
  by?: ActedBy
}

export type MissedDeadline = 'accept' | 'resolve'

export interface CaseSubmitted extends EventBase {
  type: 'CaseSubmitted'
  caseId: string
  kind: CaseKind
  category: Category
  title: string
  content: string
  villageId: string
  chain: Chain
  reporter: Reporter
  photos?: string[]
  /** Filed by a council member for a resident (see SubmitCase.onBehalf). */
  onBehalf?: true
  acceptBy: string
  resolveBy: string
}

export interface CaseAccepted extends EventBase {
  type: 'CaseAccepted'
}

export interface CaseResolved extends EventBase {
  type: 'CaseResolved'
  outcome: Outcome
  resolution: string
  autoCloseBy: string
}

/** `level`/`orgId` are where the case left from; `toLevel`/`toOrgId` where it went. */
export interface CaseEscalated extends EventBase {
  type: 'CaseEscalated'
  fromLevel: Level
  toLevel: Level
  toOrgId: string
  reason: string
  /** True when a missed deadline moved the case, false when the holder escalated by hand. */
  auto: boolean
  missed?: MissedDeadline
  acceptBy: string
  resolveBy: string
}

export interface CaseHandedBack extends EventBase {
  type: 'CaseHandedBack'
  fromLevel: Level
  toLevel: Level
  toOrgId: string
  instructions: string
  acceptBy: string
  resolveBy: string
}

/**
 * 催办. `level`/`orgId` are the holder that was urged; `fromLevel`/`fromOrgId` the org above it on the
 * chain whose cadre urged it.
 */
export interface CaseUrged extends EventBase {
  type: 'CaseUrged'
  fromLevel: Level
  fromOrgId: string
  note?: string
}

/**
 * 提级办理. As an escalation: `level`/`orgId` are where the case left from; `toLevel`/`toOrgId` the
 * supervising org that pulled it up to itself, with fresh deadlines there.
 */
export interface CaseTakenOver extends EventBase {
  type: 'CaseTakenOver'
  fromLevel: Level
  toLevel: Level
  toOrgId: string
  reason: string
  acceptBy: string
  resolveBy: string
}

/**
 * 转办. `level`/`orgId` are the holder it left; `toOrgId` the org at the same level that holds it now,
 * with fresh deadlines; `villageId` and `chain` what the case belongs to from now on. `byOrgId` /
 * `byLevel`: the org whose person moved it (the holder itself, or its parent).
 */
export interface CaseTransferred extends EventBase {
  type: 'CaseTransferred'
  toOrgId: string
  villageId: string
  chain: Chain
  byOrgId: string
  byLevel: Level
  reason: string
  acceptBy: string
  resolveBy: string
}

/** 延期 asked by the holder: `days` more on `resolveBy`, the resolve deadline it has now. */
export interface ExtensionRequested extends EventBase {
  type: 'ExtensionRequested'
  days: number
  reason: string
  resolveBy: string
}

/**
 * The parent org answered the 延期 request. `level`/`orgId` are the holder that asked;
 * `fromLevel`/`fromOrgId` the parent whose cadre decided. `resolveBy` is the resolve deadline from now
 * on: moved by `days` when approved, unchanged when not.
 */
export interface ExtensionDecided extends EventBase {
  type: 'ExtensionDecided'
  approve: boolean
  days: number
  note?: string
  fromLevel: Level
  fromOrgId: string
  resolveBy: string
}

/** 临期提醒: the holder was told that this running deadline is near. */
export interface DeadlineReminded extends EventBase {
  type: 'DeadlineReminded'
  deadline: MissedDeadline
  /** The deadline it was about: a later deadline of the same kind gets its own reminder. */
  due: string
}

export interface DepartmentAssigned extends EventBase {
  type: 'DepartmentAssigned'
  department: string
  note: string
  followUpBy?: string
}

export interface DepartmentReplied extends EventBase {
  type: 'DepartmentReplied'
  reply: string
}

export interface CaseRated extends EventBase {
  type: 'CaseRated'
  solved: Solved
  satisfaction: Satisfaction
  comment?: string
}

export interface CaseReopened extends EventBase {
  type: 'CaseReopened'
  fromLevel: Level
  toLevel: Level
  toOrgId: string
  /** Her answer to 问题解决了吗 that, with her confirmation, sent it on. */
  solved: Exclude<Solved, 'yes'>
  acceptBy: string
  resolveBy: string
}

export interface CaseClosed extends EventBase {
  type: 'CaseClosed'
  /** True when the timer closed it after the rating window; false when a rating closed it. */
  auto: boolean
}

export interface CaseWithdrawn extends EventBase {
  type: 'CaseWithdrawn'
  reason?: string
}

export interface CaseFlaggedOverdue extends EventBase {
  type: 'CaseFlaggedOverdue'
  missed: MissedDeadline
  deadline: string
}

/** What a council's deliberation decided, as the case's timeline keeps it. */
export interface DeliberationOutcome {
  kind: DeliberationResultKind
  /** The winning option (passed only). */
  option?: number
  optionText?: string
  ballots: number
  members: number
}

/** A council deliberated on the case; no change to the case itself. */
export interface CaseDeliberated extends EventBase {
  type: 'CaseDeliberated'
  deliberationId: string
  title: string
  result: DeliberationOutcome
}

/**
 * A photo of the case failed WeChat's content check and is hidden: gone from `photos`, kept in
 * `hiddenPhotos` (the file stays in storage, out of every view). What the check found is not
 * recorded on the case (the check's record keeps WeChat's label, ports/store.port.ts MediaCheckRecord).
 */
export interface CasePhotoRejected extends EventBase {
  type: 'CasePhotoRejected'
  photo: string
}

/**
 * 我也遇到: one more person follows the case. `by` is her (role resident), sealed at rest as a
 * reporter's is (adapters/sealed-identity.ts) and never shown: the timeline names nobody.
 */
export interface CaseSupported extends EventBase {
  type: 'CaseSupported'
}

/** 合并办理: closed as a duplicate of `intoCaseId`, which its reporter and followers follow now. */
export interface CaseMerged extends EventBase {
  type: 'CaseMerged'
  intoCaseId: string
}

/** The other side of a merge: `fromCaseId` was merged into this case, bringing `added` new followers. */
export interface CaseMergedIn extends EventBase {
  type: 'CaseMergedIn'
  fromCaseId: string
  added: number
}

/** 帮扶方案: the holder set a task (`level`/`orgId`: the holder). */
export interface TaskPlanned extends EventBase {
  type: 'TaskPlanned'
  task: { id: string; title: string; assignee: TaskAssigneeRecord; dueAt: string }
}

/**
 * A task was done: marked by the member it names (`byAssignee`) or by the holder. It repeats the
 * task's title and kind of assignee so its timeline line reads alone.
 */
export interface TaskCompleted extends EventBase {
  type: 'TaskCompleted'
  taskId: string
  title: string
  assigneeKind: TaskAssigneeRecord['kind']
  byAssignee: boolean
  note?: string
}

/** Resolving the case, the holder said what became of the tasks still open: done, or dropped. */
export interface TasksSettled extends EventBase {
  type: 'TasksSettled'
  taskIds: string[]
  outcome: OpenTaskEnding
  note?: string
}

export type CaseEvent =
  | CaseSubmitted
  | CaseAccepted
  | CaseResolved
  | CaseEscalated
  | CaseHandedBack
  | CaseUrged
  | CaseTakenOver
  | CaseTransferred
  | ExtensionRequested
  | ExtensionDecided
  | DeadlineReminded
  | DepartmentAssigned
  | DepartmentReplied
  | CaseRated
  | CaseReopened
  | CaseClosed
  | CaseWithdrawn
  | CaseFlaggedOverdue
  | CaseDeliberated
  | CasePhotoRejected
  | CaseSupported
  | CaseMerged
  | CaseMergedIn
  | TaskPlanned
  | TaskCompleted
  | TasksSettled

export type CaseEventType = CaseEvent['type']
