/**
 * `stats.hotspots` (矛盾苗头预警): the live early-warning alerts at the org and below it, each with
 * the newest reports behind it that the reader may see (redacted for her as every list is). One query
 * for the alerts, then a few reads per alert (domain/hotspot.rule.ts; stats/hotspot-watch.ts raises them).
 */
import type { HotspotItem } from '../../../types/stats.contract'
import type { HotspotAlert } from '../../_shared/domain/hotspot.rule'
import { DEFAULT_STATS_POLICY } from '../../_shared/domain/stats.config'
import type { Person } from '../../_shared/domain/actor.types'
import { defineAction } from '../../_shared/handler/action'
import { toSummary } from '../../_shared/cases/case-view'
import { OrgNames, type OrgName } from '../../_shared/orgs/org-path'
import type { Store } from '../../_shared/ports/store.port'
import { authorizeStats } from '../stats.guard'

/** Alerts one answer lists, and reports shown under each. */
const MAX_ALERTS = 20
const CASES_SHOWN = 5

export const hotspots = defineAction({
  fn: 'stats', name: 'hotspots', kind: 'read', authorization: ['stats.read'],
  authorize: authorizeStats,
  run: async ({ deps, now }, _input, { person, path }) => {
    const alerts = await deps.store.hotspots.liveIn(path, now, MAX_ALERTS)
    const behind = await Promise.all(alerts.map((alert) => casesOf(deps.store, alert)))
    const names = new OrgNames(deps.store)
    const name = await names.load([
      ...alerts.flatMap((a) => [a.orgId, ...a.children]),
      ...behind.flat().flatMap((state) => [state.holderOrgId, ...Object.values(state.chain)]),
    ])
    return {
      items: alerts.map((alert, i) => itemOf(alert, behind[i] ?? [], person, now, name)),
      windowDays: DEFAULT_STATS_POLICY.hotspots.windowDays,
      asOf: now,
    }
  },
})

async function casesOf(store: Store, alert: HotspotAlert) {
  const stored = await Promise.all(alert.caseIds.slice(0, CASES_SHOWN).map((id) => store.cases.get(id)))
  return stored.flatMap((s) => (s ? [s.state] : []))
}

function itemOf(alert: HotspotAlert, behind: Awaited<ReturnType<typeof casesOf>>, person: Person, now: string, name: OrgName): HotspotItem {
  return {
    id: alert.key,
    rule: alert.rule,
    category: alert.category,
    orgId: alert.orgId,
    orgName: name(alert.orgId),
    level: alert.level,
    villages: alert.rule === 'surge' ? 1 : alert.children.length,
    children: alert.children.map((id) => ({ id, name: name(id) })),
    cases: alert.cases,
    since: alert.since,
    raisedAt: alert.raisedAt,
    ...(alert.usual !== undefined && { usual: alert.usual }),
    casesBehind: behind.flatMap((state) => toSummary(state, person, now, name) ?? []),
  }
}
