/** Reading a deliberation for a viewer: load, check she may read it, gather what her view needs. */
import type { DeliberationDetail } from '../../../types/deliberation.contract'
import type { Person } from '../domain/actor.types'
import { canRead } from '../domain/deliberation.access'
import type { DeliberationState } from '../domain/deliberation.state'
import { forbidden, notFound } from '../context/failures'
import type { Repositories } from '../ports/store.port'
import { orgNameOf } from './council-reads'
import { needsBallots, toDetail } from './deliberation-view'

/** The newest comments a page shows; older ones stay stored. */
export const COMMENTS_SHOWN = 100

/**
 * A deliberation is no secret to the council's group chat, so a person outside it learns only that
 * she may not take part (FORBIDDEN), not NOT_FOUND as for a case.
 */
export async function loadReadable(repos: Pick<Repositories, 'deliberations'>, id: string, viewer: Person): Promise<DeliberationState> {
  const stored = await repos.deliberations.get(id)
  if (!stored) throw notFound('没有找到该议事')
  if (!canRead(viewer, stored.state)) throw forbidden('该议事仅对本议事会成员和妇联干部开放')
  return stored.state
}

export async function readDetail(
  repos: Pick<Repositories, 'deliberations' | 'ballots' | 'comments' | 'orgs' | 'councilGroups'>,
  id: string,
  viewer: Person,
  now: string,
  options: { withBallots: boolean } = { withBallots: true },
): Promise<DeliberationDetail> {
  const state = await loadReadable(repos, id, viewer)
  const myBallot = await repos.ballots.get(id, viewer.openid)
  const ballots =
    options.withBallots && needsBallots(state, viewer, myBallot !== null) ? await repos.ballots.of(id) : null
  return toDetail(state, viewer, {
    orgName: await orgNameOf(repos, state.orgId),
    now,
    myBallot,
    comments: await repos.comments.latest(id, COMMENTS_SHOWN),
    ballots,
    groupBound: (await repos.councilGroups.ofOrg(state.orgId)).length > 0,
  })
}
