/**
 * What a viewer gets of a deliberation: the domain's predicates decide what she may see (counts,
 * the audit, the roll); this shapes the contract's DeliberationSummary / DeliberationDetail. In
 * anonymous mode no view ever pairs a voter with her choices, except her own ballot for herself.
 * And the reads: a deliberation for a viewer (load, check she may read it, gather what her view
 * needs), and what a deliberation needs to know about its council (its chain, its members).
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
  canShare,
  canComment,
  canProxyVote,
  canRead,
  canVote,
  manages,
  seesAudit,
  seesCounts,
  seesRoll,
} from '../domain/deliberation.access'
import type { Ballot, DeliberationComment, DeliberationState, Elector } from '../domain/deliberation.state'
import { chainFrom, type Chain } from '../domain/org-ladder'
import { orgPath } from '../orgs/org-path'
import { forbidden, invalidInput, notFound } from '../context/failures'
import type { Repositories } from '../ports/store.port'
import { shareTitleOf } from '../domain/deliberation.view'
import { isAtOrAfter } from '../domain/iso-time'
import { nextNudgeAt } from '../domain/deliberation.card'

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
  /** Whether the council's group chat is bound; read only for a viewer who manages it (readDetail). */
  groupBound?: boolean
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
  const remindAgainAt = nextNudgeAt(state.nudgedAt, inputs.now)

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
    ...(inputs.groupBound !== undefined && manages(viewer, state) && { groupBound: inputs.groupBound }),
    can: {
      vote: beforeDeadline && canVote(viewer, state),
      proxyVote: beforeDeadline && canProxyVote(viewer, state),
      comment: open && canComment(viewer, state),
      close: open && manages(viewer, state),
      bindGroup: manages(viewer, state),
      share: beforeDeadline && canShare(viewer, state),
      remind: beforeDeadline && manages(viewer, state),
    },
    ...(remindAgainAt && manages(viewer, state) && { remindAgainAt }),
  }
}

/** The newest comments a page shows; older ones stay stored. */
export const COMMENTS_SHOWN = 100

/**
 * A deliberation is no secret to the council's group chat, so a person outside it learns only that
 * she may not take part (FORBIDDEN), not NOT_FOUND as for a case.
 */
export async function loadReadable(repos: Pick<Repositories, 'deliberations'>, id: string, viewer: Person): Promise<DeliberationState> {
  const stored = await repos.deliberations.get(id)
  if (!stored) throw notFound('没有找到该议事')
  return readableBy(stored.state, viewer)
}

function readableBy(state: DeliberationState, viewer: Person): DeliberationState {
  if (!canRead(viewer, state)) throw forbidden('该议事仅对本议事会成员和妇联干部开放')
  return state
}

export interface DetailOptions {
  withBallots: boolean
  /**
   * What a change that has just committed already holds (command-action.ts): the deliberation as it
   * wrote it and, when the change says it, her ballot; they are then not read again.
   */
  known?: { state: DeliberationState; myBallot?: Ballot | null }
}

export async function readDetail(
  repos: Pick<Repositories, 'deliberations' | 'ballots' | 'comments' | 'orgs' | 'councilGroups'>,
  id: string,
  viewer: Person,
  now: string,
  options: DetailOptions = { withBallots: true },
): Promise<DeliberationDetail> {
  const { known } = options
  const state = known ? readableBy(known.state, viewer) : await loadReadable(repos, id, viewer)
  const myBallot = known?.myBallot !== undefined ? known.myBallot : await repos.ballots.get(id, viewer.openid)
  // The rest at once: none depends on another. commentCount moves with every comment, in the
  // comment's own transaction (deliberation.aggregate.ts), so none counted means none stored.
  const [ballots, orgName, comments, groups] = await Promise.all([
    options.withBallots && needsBallots(state, viewer, myBallot !== null) ? repos.ballots.of(id) : null,
    councilNameOf(repos, state),
    state.commentCount === 0 ? [] : repos.comments.latest(id, COMMENTS_SHOWN),
    // Only the convener tools show it (who binds the group): a member's ballot does not read it.
    manages(viewer, state) ? repos.councilGroups.ofOrg(state.orgId) : null,
  ])
  return toDetail(state, viewer, { orgName, now, myBallot, comments, ballots, ...(groups && { groupBound: groups.length > 0 }) })
}

/** The chain of a village (community) org; councils exist only there. */
export async function councilChain(repos: Pick<Repositories, 'orgs'>, orgId: string): Promise<Chain> {
  return (await councilOf(repos, orgId)).chain
}

/** The chain of a village (community) org and its name, from one read of its path. */
export async function councilOf(repos: Pick<Repositories, 'orgs'>, orgId: string): Promise<{ chain: Chain; name: string }> {
  const path = await orgPath(repos, orgId)
  const chain = chainFrom(new Map(path.map((org) => [org.id, org])), orgId)
  if (chain.ok) return { chain: chain.chain, name: path.find((org) => org.id === orgId)?.name ?? '' }
  if (chain.error.code === 'NOT_FOUND') throw notFound('没有找到该议事会')
  if (chain.error.code === 'INVALID_INPUT') throw invalidInput('议事会设在村（社区），请选择具体的村或社区')
  throw new Error(chain.error.message)
}

/** The council now: its members and convener(s), each once, with the name she is known by. */
export async function electorateOf(repos: Pick<Repositories, 'people'>, orgId: string): Promise<Elector[]> {
  const openids = new Set<string>()
  for (const role of ['convener', 'member'] as const) {
    for (const m of await repos.people.withRole(orgId, role)) openids.add(m.openid)
  }
  const electors: Elector[] = []
  for (const openid of [...openids].sort()) {
    electors.push({ openid, name: (await repos.people.getUser(openid))?.name ?? '议事会成员' })
  }
  return electors
}

export async function orgNameOf(repos: Pick<Repositories, 'orgs'>, orgId: string): Promise<string> {
  return (await repos.orgs.get(orgId))?.name ?? ''
}

/**
 * The council's name for a deliberation: the one it keeps while open (current: a rename refreshes
 * it, council-name.ts), else the org's (closed, or stored before the name was kept).
 */
export async function councilNameOf(repos: Pick<Repositories, 'orgs'>, state: Pick<DeliberationState, 'orgId' | 'orgName' | 'status'>): Promise<string> {
  return state.status === 'open' && state.orgName !== undefined ? state.orgName : orgNameOf(repos, state.orgId)
}

/** The name she is known by, for the audit trail of a ballot or a comment. */
export async function personNameOf(repos: Pick<Repositories, 'people'>, openid: string, fallback: string): Promise<string> {
  return (await repos.people.getUser(openid))?.name ?? fallback
}
