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
}

/** Closed and withdrawn cases accept no command. */
export const isTerminal = (status: CaseStatus): boolean => status === 'closed' || status === 'withdrawn'

/** Pending and in-progress cases are still being handled: they have running deadlines. */
export const isOpen = (status: CaseStatus): boolean => status === 'pending' || status === 'in_progress'
