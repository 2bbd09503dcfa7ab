/**
 * Writing statistics counters, always inside the caller's transaction: the counters commit with the
 * change they count or not at all. The rules of what to count are the domain's (stats.counters.ts,
 * hotspot.rule.ts).
 */
import { LEVELS } from '../../../types/enums'
import type { CaseEvent } from '../domain/case.events'
import type { CaseState } from '../domain/case.state'
import { counterDeltas, monthlyDeltas, orgsFrom, type CounterKey } from '../domain/stats.counters'
import { reportDeltas } from '../domain/hotspot.rule'
import type { Repositories } from '../ports/store.port'
import { orgPath } from '../orgs/org-path'

/**
 * Counts one case change (or its creation, with `before` null) for every org on its chain: the
 * all-time counters; the month's, for the org that acted and those above it (the scorecard); and, for
 * a submission, the day's report counts (the early warning).
 */
export async function countCaseChange(
  tx: Pick<Repositories, 'counters'>,
  events: readonly CaseEvent[],
  before: CaseState | null,
  after: CaseState,
): Promise<void> {
  await tx.counters.add(LEVELS.map((level) => after.chain[level]), counterDeltas(events, before, after))
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
