/**
 * `stats.overview` (统计概览): an org's figures for its whole subtree and each child's, for those who
 * supervise it: its own counters (its whole subtree) and each child's, read together, so the province
 * answers as fast as a village whatever the number of cases below it.
 */
import type { StatsChild } from '../../../types/stats.contract'
import type { Counters } from '../../_shared/domain/stats.counters'
import { onTimeRateOf, resolutionsOf, statsFigures } from '../../_shared/domain/stats.figures'
import { defineAction } from '../../_shared/handler/action'
import type { OrgRecord } from '../../_shared/ports/store.port'
import { authorizeStats } from '../stats.guard'

const ref = (org: OrgRecord) => ({ id: org.id, name: org.name, level: org.level })

export const overview = defineAction({
  fn: 'stats', name: 'overview', kind: 'read', authorization: ['stats.read'],
  authorize: authorizeStats,
  run: async ({ deps, now }, _input, { org, children }) => {
    const [counters, ...childCounters] = await deps.store.counters.getMany([org.id, ...children.map((child) => child.id)])
    return {
      org: ref(org),
      ...statsFigures((counters ?? {}) as Counters),
      children: children.map((child, i): StatsChild => {
        const own = (childCounters[i] ?? {}) as Counters
        return { ...ref(child), total: own.cases ?? 0, resolved: resolutionsOf(own), onTimeRate: onTimeRateOf(own) }
      }),
      asOf: now,
    }
  },
})
