/** Reading a case for a viewer: load, check she may see it, shape it. */
import type { CaseDetail } from '../../../types/case.contract'
import type { Person } from '../domain/actor.types'
import type { Files } from '../ports/files.port'
import { notFound } from '../context/failures'
import type { Repositories } from '../ports/store.port'
import { orgNamesFor, toDetail } from './case-view'

export async function readCaseDetail(
  repos: Pick<Repositories, 'cases' | 'orgs'>,
  files: Files,
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
  // Photos are private in storage: only a viewer allowed the full case (toDetail left them in) gets
  // short-lived URLs to show them.
  return { ...detail, photoUrls: detail.photos.length > 0 ? await files.viewUrls(detail.photos) : {} }
}
