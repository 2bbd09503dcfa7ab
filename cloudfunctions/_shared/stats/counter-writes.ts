/**
 * Writing statistics counters, always inside the caller's transaction: the counters commit with the
 * change they count or not at all. The rules of what to count are the domain's (stats.counters.ts,
 * hotspot.rule.ts).
 */
import type { CaseEvent } from '../domain/case.events'
import type { CaseState } from '../domain/case.state'
import type { Repositories } from '../ports/store.port'
import { orgPath } from '../orgs/org-path'
import { counterWrites, monthlyDeltas, orgsFrom, type CounterKey } from '../domain/stats.counters'
import { reportDeltas } from '../domain/hotspot.rule'

/**
 * Counts one case change (or its creation, with `before` null) for every org on its chain, and for
 * those it left when a 转办 moved the chain (domain/stats.counters.ts counterWrites): the all-time
 * counters; the month's, for the org that acted and those above it on the chain it has now (the
 * scorecard); and, for a submission, the day's report counts (the early warning).
 */
export async function countCaseChange(
  tx: Pick<Repositories, 'counters'>,
  events: readonly CaseEvent[],
  before: CaseState | null,
  after: CaseState,
): Promise<void> {
  for (const write of counterWrites(events, before, after)) await tx.counters.add(write.orgIds, write.deltas)
  const monthly = monthlyDeltas(events, before).flatMap(({ month, level, deltas }) =>
    orgsFrom(after.chain, level).map((orgId) => ({ orgId, period: month, deltas: deltas as Record<string, number> })),
  )
  await tx.counters.addInPeriods([...monthly, ...reportDeltas(events)])
}

/**
 * Adds `delta` to one counter of the org and of every org above it, so each keeps its subtree's
 * figure: the counters that are not case changes (councils, members).
 */
export async function bumpCounter(tx: Pick<Repositories, 'counters' | 'orgs'>, orgId: string, key: CounterKey, delta = 1): Promise<void> {
  await tx.counters.add((await orgPath(tx, orgId)).map((org) => org.id), { [key]: delta })
}
