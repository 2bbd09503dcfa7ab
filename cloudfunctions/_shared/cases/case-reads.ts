/** Reading a case for a viewer: load, check she may see it, shape it. */
import type { CaseDetail } from '../../../types/case.contract'
import type { Person } from '../domain/actor.types'
import { notFound } from '../handler/app-failure'
import type { Repositories } from '../ports/store.port'
import { orgNamesFor, toDetail } from './case-view'

export async function readCaseDetail(
  repos: Pick<Repositories, 'cases' | 'orgs'>,
  caseId: string,
  viewer: Person,
  now: string,
  extra: { phone?: string; address?: string; onBehalfOf?: { name: string; phone?: string } } = {},
): Promise<CaseDetail> {
  const stored = await repos.cases.get(caseId)
  if (!stored) throw notFound('没有找到这条反映')
  const events = await repos.cases.timeline(caseId)
  const detail = toDetail(stored.state, events, viewer, now, await orgNamesFor(repos, [stored.state]), extra)
  if (!detail) throw notFound('没有找到这条反映')
  return detail
}
