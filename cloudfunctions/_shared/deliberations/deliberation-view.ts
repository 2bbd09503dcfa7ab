/**
 * What a viewer gets of a deliberation: the domain's predicates decide what she may see (counts,
 * the audit, the roll); this shapes the contract's DeliberationSummary / DeliberationDetail. In
 * anonymous mode no view ever pairs a voter with her choices, except her own ballot for herself.
 */
import type {
  AuditEntry,
  DeliberationDetail,
  DeliberationResultView,
  DeliberationSummary,
  MyBallot,
} from '../../../types/deliberation.contract'
import type { Person } from '../domain/actor.types'
import {
  canComment,
  canProxyVote,
  canVote,
  manages,
  seesAudit,
  seesCounts,
  seesRoll,
} from '../domain/deliberation.access'
import type { Ballot, DeliberationComment, DeliberationState } from '../domain/deliberation.state'
import { shareTitleOf } from '../domain/deliberation.view'
import { isAtOrAfter } from '../domain/iso-time'

function resultView(state: DeliberationState): DeliberationResultView | undefined {
  const result = state.result
  if (!result) return undefined
  if (result.kind !== 'passed') return { kind: result.kind }
  const optionText = state.options[result.option]
  return { kind: 'passed', option: result.option, ...(optionText !== undefined && { optionText }) }
}

export function toSummary(state: DeliberationState, orgName: string, voted: boolean): DeliberationSummary {
  const result = resultView(state)
  return {
    id: state.id,
    orgId: state.orgId,
    orgName,
    ...(state.caseId !== undefined && { caseId: state.caseId }),
    title: state.title,
    shareTitle: shareTitleOf(state),
    status: state.status,
    multiple: state.multiple,
    anonymous: state.anonymous,
    openedAt: state.openedAt,
    closesAt: state.closesAt,
    ...(state.closedAt !== undefined && { closedAt: state.closedAt }),
    turnout: {
      ballots: state.ballotCount,
      members: state.electorate.length,
      quorum: state.quorum,
      quorumMet: state.ballotCount >= state.quorum,
    },
    ...(result && { result }),
    voted,
    commentCount: state.commentCount,
  }
}

const proxyView = (ballot: Pick<Ballot, 'proxy'>) => (ballot.proxy ? { proxy: { byName: ballot.proxy.byName, note: ballot.proxy.note } } : {})

export interface DetailInputs {
  orgName: string
  now: string
  myBallot: Ballot | null
  comments: DeliberationComment[]
  /** Every ballot; needed only when the viewer sees the audit or the roll. */
  ballots: Ballot[] | null
  groupBound: boolean
}

/** Whether the detail needs every ballot for this viewer (the caller loads them only then). */
export const needsBallots = (state: DeliberationState, viewer: Person, hasVoted: boolean): boolean =>
  seesAudit(viewer, state, hasVoted) || seesRoll(viewer, state)

export function toDetail(state: DeliberationState, viewer: Person, inputs: DetailInputs): DeliberationDetail {
  const { myBallot, ballots } = inputs
  const voted = myBallot !== null
  const showCounts = seesCounts(viewer, state, voted)
  const open = state.status === 'open'
  const beforeDeadline = open && !isAtOrAfter(inputs.now, state.closesAt)
  const names = new Map(state.electorate.map((e) => [e.openid, e.name]))

  const audit: AuditEntry[] | undefined =
    ballots && seesAudit(viewer, state, voted)
      ? ballots.map((b) => ({
          voterOpenid: b.voterOpenid,
          voterName: names.get(b.voterOpenid) ?? '议事会成员',
          ...(!state.anonymous && { choices: [...b.choices] }),
          castAt: b.castAt,
          ...proxyView(b),
          changes: b.changes,
        }))
      : undefined
  const votedSet = new Set((ballots ?? []).map((b) => b.voterOpenid))
  const mine: MyBallot | undefined = myBallot
    ? { choices: [...myBallot.choices], castAt: myBallot.castAt, ...proxyView(myBallot) }
    : undefined

  return {
    ...toSummary(state, inputs.orgName, voted),
    asOf: inputs.now,
    background: state.background,
    options: [...state.options],
    passRatio: state.passRatio,
    ...(showCounts && { counts: [...state.counts] }),
    countsHidden: !showCounts,
    ...(mine && { myBallot: mine }),
    comments: inputs.comments.map((c) => ({
      id: c.id,
      authorName: c.authorName,
      authorRole: c.authorRole,
      text: c.text,
      at: c.at,
      mine: c.authorOpenid === viewer.openid,
    })),
    ...(audit && { audit }),
    ...(ballots &&
      seesRoll(viewer, state) && {
        roll: state.electorate.map((e) => ({ openid: e.openid, name: e.name, voted: votedSet.has(e.openid) })),
      }),
    ...(state.resultOnCase !== undefined && { resultOnCase: state.resultOnCase }),
    groupBound: inputs.groupBound,
    can: {
      vote: beforeDeadline && canVote(viewer, state),
      proxyVote: beforeDeadline && canProxyVote(viewer, state),
      comment: open && canComment(viewer, state),
      close: open && manages(viewer, state),
      bindGroup: manages(viewer, state),
    },
  }
}
