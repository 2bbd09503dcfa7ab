/**
 * An org's overview: its own counters (its whole subtree) and each child's, one read each, so the
 * province answers as fast as a village whatever the number of cases below it.
 */
import type { StatsChild, StatsOverview } from '../../types/stats.contract'
import type { Counters } from '../_shared/domain/stats.counters'
import { onTimeRateOf, resolutionsOf, statsFigures } from '../_shared/domain/stats.figures'
import type { OrgRecord, Store } from '../_shared/ports/store.port'

const ref = (org: OrgRecord) => ({ id: org.id, name: org.name, level: org.level })

export async function readOverview(store: Store, org: OrgRecord, now: string): Promise<StatsOverview> {
  const [counters, children] = await Promise.all([store.counters.get(org.id), store.orgs.children(org.id)])
  const childCounters = await Promise.all(children.map((child) => store.counters.get(child.id)))
  return {
    org: ref(org),
    ...statsFigures(counters as Counters),
    children: children.map((child, i): StatsChild => {
      const own = (childCounters[i] ?? {}) as Counters
      return { ...ref(child), total: own.cases ?? 0, resolved: resolutionsOf(own), onTimeRate: onTimeRateOf(own) }
    }),
    asOf: now,
  }
}
