/** What a deliberation needs to know about its council: the org's chain and its members. */
import type { Elector } from '../domain/deliberation.state'
import type { Chain } from '../domain/org-ladder'
import { villageLadder } from '../orgs/org-path'
import { invalidInput, notFound } from '../context/failures'
import type { Repositories } from '../ports/store.port'

/** The chain of a village (community) org; councils exist only there. */
export async function councilChain(repos: Pick<Repositories, 'orgs'>, orgId: string): Promise<Chain> {
  const chain = await villageLadder(repos, orgId)
  if (chain.ok) return chain.chain
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

/** The name she is known by, for the audit trail of a ballot or a comment. */
export async function personNameOf(repos: Pick<Repositories, 'people'>, openid: string, fallback: string): Promise<string> {
  return (await repos.people.getUser(openid))?.name ?? fallback
}
