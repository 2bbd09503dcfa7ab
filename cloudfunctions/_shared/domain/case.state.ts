/**
 * A case as the decider sees it: the fold of its events. Optional fields belong to the current
 * round at the current holder and are dropped when the case moves (escalation, hand-back,
 * reopening); the timeline keeps the history.
 */
import type { CaseKind, CaseStatus, Category, Level, Outcome, Satisfaction, Solved } from '../../../types/enums'
import type { Chain } from './org-ladder'

export interface Reporter {
  openid: string
  anonymous: boolean
}

export interface Assignment {
  department: string
  note: string
  /** When the holder org means to follow up with the department; a reminder, not an escalation. */
  followUpBy?: string
  at: string
  answered?: { reply: string; at: string }
}

export interface OutcomeRecord {
  outcome: Outcome
  resolution: string
  at: string
  level: Level
  orgId: string
}

export interface RatingRecord {
  solved: Solved
  satisfaction: Satisfaction
  comment?: string
  at: string
}

/**
 * Which deadlines of the current arrival were missed at the province, where there is no parent to
 * escalate to. Each kind is flagged once; a new arrival (new deadlines) clears both.
 */
export interface OverdueFlags {
  accept: boolean
  resolve: boolean
}

/** One 催办, kept for the case's whole life (the holder it was aimed at may have changed since). */
export interface UrgeRecord {
  at: string
  /** The org whose cadre urged. */
  fromOrgId: string
  fromLevel: Level
  /** The holder that was urged. */
  orgId: string
  level: Level
  note?: string
}

/** A deadline the case missed somewhere on its way: at which level and org, and which one. */
export interface MissRecord {
  at: string
  deadline: 'accept' | 'resolve'
  level: Level
  orgId: string
}

/**
 * One 转办: at the case's level, from the org that held it to the right one under the same parent.
 * `byOrgId` is whose convener or cadre moved it: the holder itself, or its parent org.
 */
export interface TransferRecord {
  at: string
  level: Level
  fromOrgId: string
  toOrgId: string
  byOrgId: string
}

/**
 * One 延期 request: by the holder at `level`, for `days` more on the resolve deadline it had then
 * (`resolveBy`), in the round that arrived at `round` (a request lapses when the case moves on). At
 * most one per level over the case's life. `decision` once the parent org's cadre has answered.
 */
export interface ExtensionRecord {
  at: string
  level: Level
  orgId: string
  days: number
  reason: string
  resolveBy: string
  round: string
  decision?: ExtensionDecision
}

export interface ExtensionDecision {
  approve: boolean
  at: string
  /** The parent org whose cadre decided. */
  orgId: string
  level: Level
  note?: string
  /** The resolve deadline from then on (approved: moved by `days`; rejected: as it was). */
  resolveBy: string
}

/**
 * Who does a 帮扶任务 (docs/RULES.md "帮扶方案"): a person with an account, by openid (her name as it
 * was when the task was set), or a named 巾帼志愿者 who may have none. The volunteer's phone is her
 * work number handed to the holder, kept plain in the case like a convener's public number; only the
 * holder's convener and cadres are shown it.
 */
export type TaskAssigneeRecord =
  | { kind: 'member'; openid: string; name: string | null }
  | { kind: 'volunteer'; name: string; phone?: string }

/** One task of the case's 帮扶方案, set by the holder at `orgId`; kept for the case's whole life. */
export interface HelpTask {
  /** t1, t2, … in the order they were set: unique within the case. */
  id: string
  title: string
  assignee: TaskAssigneeRecord
  dueAt: string
  plannedAt: string
  level: Level
  orgId: string
  status: 'open' | 'done' | 'dropped'
  closedAt?: string
  note?: string
}

export interface CaseState {
  id: string
  kind: CaseKind
  category: Category
  title: string
  content: string
  /** Stored file ids of the photos attached at submission that may be shown (none that were hidden). */
  photos: string[]
  /** Photos hidden because they failed the content check (CasePhotoRejected): never shown again. */
  hiddenPhotos?: string[]
  /** The village the case belongs to; a 转办 may change it (and its chain with it). */
  villageId: string
  chain: Chain
  reporter: Reporter
  /** A council member filed it for a resident. */
  filedOnBehalf?: true
  status: CaseStatus
  level: Level
  holderOrgId: string
  /** When the case reached its current holder; both deadlines count from here. */
  arrivedAt: string
  acceptBy: string
  resolveBy: string
  acceptedAt?: string
  assignment?: Assignment
  outcome?: OutcomeRecord
  rating?: RatingRecord
  overdue: OverdueFlags
  reopenCount: number
  /** Deadlines this case has missed anywhere on its way (automatic escalations and province flags). */
  missedDeadlines?: number
  /**
   * The same misses, where and which (督办 says why a case is listed). Cases that missed deadlines
   * before this was kept have a count and no list.
   */
  misses?: MissRecord[]
  /** Every 催办 of the case, oldest first. */
  urges?: UrgeRecord[]
  /** Every 提级办理 of the case, oldest first: which org pulled it up from where. */
  takeOvers?: { at: string; fromLevel: Level; fromOrgId: string; toLevel: Level; toOrgId: string }[]
  /** Every 转办 of the case, oldest first (its village and chain are the latest one's). */
  transfers?: TransferRecord[]
  /** Every 延期 request of the case, oldest first: one per level at most. */
  extensions?: ExtensionRecord[]
  /**
   * 帮扶方案: every task of the case, oldest first (at most help-plan.rules.ts MAX_TASKS). Not of a
   * round: a task set by a holder the case has left stays open until someone completes it or the
   * case is resolved.
   */
  tasks?: HelpTask[]
  /**
   * 临期提醒 sent in this round: for each kind, the deadline instant it was sent for (a later deadline
   * of the same kind, e.g. after an extension, gets its own).
   */
  reminded?: Partial<Record<'accept' | 'resolve', string>>
  submittedAt: string
  /** The time of the latest event: lists sort by it. */
  updatedAt: string
  resolvedAt?: string
  /** When an unrated resolved case closes by itself; set on resolution. */
  autoCloseBy?: string
  closedAt?: string
  withdrawnAt?: string
  /**
   * How many people follow it besides its reporter (我也遇到, and those a merge brought): a count; who
   * they are is kept apart, under their tags (ports/store.port.ts SupporterRepository).
   */
  supporters?: number
  /** Closed as a duplicate (合并办理) of this case, which its reporter and followers follow now. */
  mergedInto?: string
  /** The duplicates merged into it, oldest first. */
  mergedFrom?: string[]
}

/** Closed and withdrawn cases accept no command. */
export const isTerminal = (status: CaseStatus): boolean => status === 'closed' || status === 'withdrawn'

/** Pending and in-progress cases are still being handled: they have running deadlines. */
export const isOpen = (status: CaseStatus): boolean => status === 'pending' || status === 'in_progress'

/**
 * The 延期 request of this round still waiting for the parent's answer, if any: made by the org that
 * holds the case now, since its latest arrival, on a case still open.
 */
export function pendingExtension(
  state: Pick<CaseState, 'status' | 'extensions' | 'arrivedAt' | 'holderOrgId'>,
): ExtensionRecord | undefined {
  if (!isOpen(state.status)) return undefined
  const last = state.extensions?.at(-1)
  return last && !last.decision && last.round === state.arrivedAt && last.orgId === state.holderOrgId ? last : undefined
}

/** The 延期 request made at the case's current level, pending or decided, in any round. */
export const extensionAtLevel = (state: Pick<CaseState, 'extensions' | 'level'>): ExtensionRecord | undefined =>
  state.extensions?.find((e) => e.level === state.level)
