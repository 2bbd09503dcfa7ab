/**
 * What someone asks of a deliberation, in the imperative. Each command carries its time, its actor,
 * new ids, and whatever the handler had to load for the rule to be decided purely (the electorate,
 * the case, the voter's current ballot), as SubmitCase carries the chain.
 */
import type { Category, CaseStatus } from '../../../types/enums'
import type { Actor } from './actor.types'
import type { Chain } from './org-ladder'
import type { Ballot, Elector } from './deliberation.state'

interface CommandBase {
  at: string
  actor: Actor
}

/** The case a deliberation is about, as the handler found it. */
export interface CaseFacts {
  caseId: string
  holderOrgId: string
  status: CaseStatus
  category: Category
  title: string
  content: string
}

export interface OpenDeliberation extends CommandBase {
  type: 'OpenDeliberation'
  deliberationId: string
  orgId: string
  /** Built by the handler with chainFrom(). */
  chain: Chain
  /** The council's (its village's) name now, kept on it while it is open (RefreshCouncilName). */
  orgName: string
  case?: CaseFacts
  title: string
  background: string
  options: string[]
  multiple: boolean
  anonymous: boolean
  closesAt: string
  quorum?: number
  passRatio?: number
  remindHoursBefore?: number
  /** The council's members and convener(s) now: the snapshot becomes the electorate. */
  electorate: Elector[]
}

export interface CastBallot extends CommandBase {
  type: 'CastBallot'
  choices: number[]
  /** The caller's ballot as stored, or null. */
  current: Ballot | null
}

export interface CastProxyBallot extends CommandBase {
  type: 'CastProxyBallot'
  memberOpenid: string
  choices: number[]
  note: string
  /** The convener's name, for the audit trail. */
  actorName: string
  /** The member's ballot as stored, or null. */
  current: Ballot | null
}

export interface PostComment extends CommandBase {
  type: 'PostComment'
  commentId: string
  text: string
  actorName: string
}

/** By the convener or a cadre of the org at any time; by the timer ('system') at or after the deadline. */
export interface CloseDeliberation extends CommandBase {
  type: 'CloseDeliberation'
}

/** Timer: the one reminder to members who have not voted. */
export interface RemindVoters extends CommandBase {
  type: 'RemindVoters'
}

/** The close path says whether the case took the result onto its timeline. */
export interface NoteCaseResult extends CommandBase {
  type: 'NoteCaseResult'
  written: boolean
}

/** A member shares it as a card in the group: the activity id WeChat just issued (deliberation.card.ts). */
export interface IssueShareCard extends CommandBase {
  type: 'IssueShareCard'
  activityId: string
  expiresAt: string
}

/**
 * The council's village was renamed (or the open may have raced a rename): an open deliberation takes
 * the name the org has now, as the handler read it in the change's transaction.
 */
export interface RefreshCouncilName extends CommandBase {
  type: 'RefreshCouncilName'
  orgName: string
}

/** The convener's 提醒未投票的成员, at most once in NUDGE_EVERY_HOURS. */
export interface NudgeVoters extends CommandBase {
  type: 'NudgeVoters'
  /** Members on the roll who have not voted, she aside, as the handler read them in the transaction. */
  owed: number
}

export type DeliberationCommand =
  | OpenDeliberation
  | CastBallot
  | CastProxyBallot
  | PostComment
  | CloseDeliberation
  | RemindVoters
  | NoteCaseResult
  | IssueShareCard
  | RefreshCouncilName
  | NudgeVoters
