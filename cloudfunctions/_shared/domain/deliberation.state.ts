/**
 * A deliberation as the decider sees it: the fold of its events. Ballots and comments are kept
 * apart (one document each) so the deliberation stays small; what a result needs of them — votes
 * per option, how many ballots, how many comments — is kept here and moved in the same transaction
 * as each ballot or comment, so reading a result never rescans them.
 */
import type { DeliberationResultKind, DeliberationStatus } from '../../../types/deliberation.contract'
import type { ActedBy } from './actor.types'
import type { Chain } from './org-ladder'

export type DeliberationResult =
  | { kind: Extract<DeliberationResultKind, 'passed'>; option: number }
  | { kind: Exclude<DeliberationResultKind, 'passed'> }

/** A member of the electorate, with her name as it was at open (the audit and roll show it). */
export interface Elector {
  openid: string
  name: string
}

export interface DeliberationState {
  id: string
  /** The village (community) whose council deliberates. */
  orgId: string
  /** The org's path to the province: cadres above it may read. */
  chain: Chain
  /**
   * The council's (its village's) name, so an answer on an open deliberation needs no read of the org:
   * current while it is open, since a rename refreshes the org's open deliberations
   * (deliberations/council-name.ts); once closed, or on one stored before it was kept, the org's name is
   * read (deliberation-view.ts councilNameOf).
   */
  orgName?: string
  caseId?: string
  /** The case was in a sensitive category at open: its public title is neutral. */
  sensitive: boolean
  title: string
  background: string
  options: string[]
  multiple: boolean
  anonymous: boolean
  /** Ballots needed for a valid result. */
  quorum: number
  /** An option passes with a share of ballots strictly greater than this. */
  passRatio: number
  /**
   * Who may vote: the council's members (and its convener) when it opened. A snapshot, so the quorum
   * and the roll cannot shift under a running vote when someone joins or leaves the council.
   */
  electorate: Elector[]
  openedAt: string
  openedBy: ActedBy
  closesAt: string
  /** When the one reminder to members who have not voted is due. */
  remindAt: string
  remindedAt?: string
  status: DeliberationStatus
  /** Votes per option, kept with every ballot. */
  counts: number[]
  ballotCount: number
  commentCount: number
  closedAt?: string
  /** Who closed it; absent when the timer closed it at the deadline. */
  closedBy?: ActedBy
  result?: DeliberationResult
  /** Deliberations on a case: whether the result went onto the case's timeline. */
  resultOnCase?: 'written' | 'refused'
  /** The card shared in the group (动态消息): its WeChat activity id, renewed when it runs out. */
  shareCard?: ShareCardRecord
  /** When the convener last reminded those who have not voted (提醒未投票的成员), throttled. */
  nudgedAt?: string
  updatedAt: string
}

/** The group card's WeChat activity id (deliberation.card.ts). */
export interface ShareCardRecord {
  activityId: string
  expiresAt: string
  issuedAt: string
}

/** The convener's record of a ballot she entered for a member who agreed by phone. */
export interface ProxyNote {
  byOpenid: string
  byName: string
  note: string
}

export interface PastCast {
  choices: number[]
  castAt: string
  proxy?: ProxyNote
}

/** One member's ballot in one deliberation. The voter is kept for uniqueness even when anonymous. */
export interface Ballot {
  deliberationId: string
  voterOpenid: string
  choices: number[]
  castAt: string
  proxy?: ProxyNote
  /** Earlier casts, oldest first (bounded by the policy). */
  history: PastCast[]
  /** Casts after the first, including any dropped from history. */
  changes: number
}

export type CommentAuthorRole = 'member' | 'convener' | 'cadre'

export interface DeliberationComment {
  id: string
  deliberationId: string
  authorOpenid: string
  authorName: string
  authorRole: CommentAuthorRole
  text: string
  at: string
}
