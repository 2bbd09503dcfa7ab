/**
 * How each event changes a deliberation, and the ballot and comment records the events produce.
 * evolve() trusts its events (they were decided against the state they follow); it throws only on
 * a stream that cannot be read (an event before the deliberation exists), a bug, not a user error.
 */
import { DEFAULT_DELIBERATION_POLICY } from './deliberation.config'
import { assertNever } from './domain.errors'
import type { BallotCast, CommentPosted, DeliberationEvent } from './deliberation.events'
import type { Ballot, DeliberationComment, DeliberationState, PastCast } from './deliberation.state'
import { moveCounts } from './deliberation.tally'

export function evolve(state: DeliberationState | null, event: DeliberationEvent): DeliberationState {
  if (event.type === 'DeliberationOpened') {
    if (state !== null) throw new Error(`Deliberation ${state.id} was already opened`)
    return {
      id: event.deliberationId,
      orgId: event.orgId,
      chain: event.chain,
      orgName: event.orgName,
      ...(event.caseId !== undefined && { caseId: event.caseId }),
      sensitive: event.sensitive,
      title: event.title,
      background: event.background,
      options: [...event.options],
      multiple: event.multiple,
      anonymous: event.anonymous,
      quorum: event.quorum,
      passRatio: event.passRatio,
      electorate: event.electorate.map((e) => ({ ...e })),
      openedAt: event.at,
      openedBy: event.by,
      closesAt: event.closesAt,
      remindAt: event.remindAt,
      status: 'open',
      counts: event.options.map(() => 0),
      ballotCount: 0,
      commentCount: 0,
      updatedAt: event.at,
    }
  }
  if (state === null) throw new Error(`${event.type} before DeliberationOpened`)

  const touched: DeliberationState = { ...state, updatedAt: event.at }
  switch (event.type) {
    case 'BallotCast':
      return {
        ...touched,
        counts: moveCounts(state.counts, event.replaced, event.choices),
        ballotCount: state.ballotCount + (event.replaced === null ? 1 : 0),
      }
    case 'CommentPosted':
      return { ...touched, commentCount: state.commentCount + 1 }
    case 'DeliberationClosed':
      return {
        ...touched,
        status: 'closed',
        closedAt: event.at,
        ...(event.by !== undefined && { closedBy: event.by }),
        result: event.result,
      }
    case 'VotersReminded':
      return { ...touched, remindedAt: event.at }
    case 'CaseResultNoted':
      return { ...touched, resultOnCase: event.written ? 'written' : 'refused' }
    case 'ShareCardIssued':
      return { ...touched, shareCard: { activityId: event.activityId, expiresAt: event.expiresAt, issuedAt: event.at } }
    case 'VotersNudged':
      return { ...touched, nudgedAt: event.at }
    case 'CouncilRenamed':
      return { ...touched, orgName: event.orgName }
    default:
      return assertNever(event)
  }
}

/** Folds a deliberation's events, oldest first; null when there are none. */
export function fold(events: readonly DeliberationEvent[]): DeliberationState | null {
  return events.reduce<DeliberationState | null>(evolve, null)
}

/** The voter's ballot after a BallotCast: the earlier cast moves into the (bounded) history. */
export function ballotAfter(
  deliberationId: string,
  current: Ballot | null,
  event: BallotCast,
  maxHistory: number = DEFAULT_DELIBERATION_POLICY.maxBallotHistory,
): Ballot {
  const history: PastCast[] = current
    ? [
        ...current.history,
        { choices: current.choices, castAt: current.castAt, ...(current.proxy && { proxy: current.proxy }) },
      ].slice(-maxHistory)
    : []
  return {
    deliberationId,
    voterOpenid: event.voterOpenid,
    choices: [...event.choices],
    castAt: event.at,
    ...(event.proxy && { proxy: event.proxy }),
    history,
    changes: current ? current.changes + 1 : 0,
  }
}

export function commentOf(deliberationId: string, event: CommentPosted): DeliberationComment {
  return {
    id: event.commentId,
    deliberationId,
    authorOpenid: event.by.openid,
    authorName: event.authorName,
    authorRole: event.authorRole,
    text: event.text,
    at: event.at,
  }
}
