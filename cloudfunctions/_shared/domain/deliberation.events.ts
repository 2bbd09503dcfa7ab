/**
 * What happened to a deliberation, in the past tense. Each event carries what evolve needs, so
 * folding never needs the policy or the ballots: a ballot event names the choices it replaced.
 */
import type { ActedBy } from './actor.types'
import type { Chain } from './org-ladder'
import type { CommentAuthorRole, DeliberationResult, Elector, ProxyNote } from './deliberation.state'

export interface DeliberationOpened {
  type: 'DeliberationOpened'
  at: string
  by: ActedBy
  deliberationId: string
  orgId: string
  chain: Chain
  orgName: string
  caseId?: string
  sensitive: boolean
  title: string
  background: string
  options: string[]
  multiple: boolean
  anonymous: boolean
  quorum: number
  passRatio: number
  electorate: Elector[]
  closesAt: string
  remindAt: string
}

/** A ballot cast, or changed (`replaced` holds the choices it replaced). */
export interface BallotCast {
  type: 'BallotCast'
  at: string
  by: ActedBy
  voterOpenid: string
  choices: number[]
  replaced: number[] | null
  proxy?: ProxyNote
}

export interface CommentPosted {
  type: 'CommentPosted'
  at: string
  by: ActedBy
  commentId: string
  authorName: string
  authorRole: CommentAuthorRole
  text: string
}

export interface DeliberationClosed {
  type: 'DeliberationClosed'
  at: string
  /** Absent when the timer closed it at the deadline. */
  by?: ActedBy
  result: DeliberationResult
  counts: number[]
  ballotCount: number
}

/** The one reminder went to the members who had not voted. */
export interface VotersReminded {
  type: 'VotersReminded'
  at: string
}

/** Whether the result went onto the case's timeline (a closed case takes no more entries). */
export interface CaseResultNoted {
  type: 'CaseResultNoted'
  at: string
  written: boolean
}

/** A card was shared with this WeChat activity id (the one before it, if any, stops updating). */
export interface ShareCardIssued {
  type: 'ShareCardIssued'
  at: string
  by: ActedBy
  activityId: string
  expiresAt: string
}

/** An open deliberation took its council's new name. */
export interface CouncilRenamed {
  type: 'CouncilRenamed'
  at: string
  orgName: string
}

/** The convener reminded, by hand, those who had not voted. */
export interface VotersNudged {
  type: 'VotersNudged'
  at: string
  by: ActedBy
}

export type DeliberationEvent =
  | DeliberationOpened
  | BallotCast
  | CommentPosted
  | DeliberationClosed
  | VotersReminded
  | CaseResultNoted
  | ShareCardIssued
  | VotersNudged
  | CouncilRenamed
