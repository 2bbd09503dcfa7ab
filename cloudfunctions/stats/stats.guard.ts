/**
 * Who may read an org's statistics: the caller's roles against the org's place in the tree
 * (domain/stats.access.ts). No role that reads statistics anywhere is refused before the org is
 * looked up, so a refusal says nothing about which orgs exist. It is the `authorize` of every stats
 * action; what it loads is what they run on.
 */
import type { Person } from '../_shared/domain/actor.types'
import { canReadStats, readsStatsAnywhere } from '../_shared/domain/stats.access'
import { forbidden, notFound } from '../_shared/context/failures'
import type { ActionContext } from '../_shared/context/deps'
import type { OrgRecord } from '../_shared/ports/store.port'

export interface StatsReader {
  person: Person
  org: OrgRecord
  /** The org's path, the root first, down to the org. */
  path: string[]
  /** The org's children, sorted by id (read with its path: orgs.family). */
  children: OrgRecord[]
}

export async function authorizeStats(ctx: ActionContext, { orgId }: { orgId: string }): Promise<StatsReader> {
  const person = await ctx.person()
  if (!readsStatsAnywhere(person)) throw forbidden('统计数据仅对议事会主任、妇联干部和管理员开放')
  const { path, children } = await ctx.deps.store.orgs.family(orgId)
  const [org] = path
  if (!org) throw notFound('没有找到该组织')
  if (!canReadStats(person, path.map((o) => o.id))) throw forbidden('只能查看本级及下级组织的统计数据')
  return { person, org, path: path.map((o) => o.id).reverse(), children }
}
