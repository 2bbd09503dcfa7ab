/**
 * Writing statistics counters, always inside the caller's transaction: the counters commit with the
 * change they count or not at all. The rules of what to count are the domain's (stats.counters.ts).
 */
import { LEVELS } from '../../../types/enums'
import type { CaseEvent } from '../domain/case.events'
import type { CaseState } from '../domain/case.state'
import { counterDeltas, type CounterKey } from '../domain/stats.counters'
import type { Repositories } from '../ports/store.port'
import { orgPath } from '../orgs/org-path'

/** Counts one case change (or its creation, with `before` null) for every org on its chain. */
export async function countCaseChange(
  tx: Pick<Repositories, 'counters'>,
  events: readonly CaseEvent[],
  before: CaseState | null,
  after: CaseState,
): Promise<void> {
  await tx.counters.add(LEVELS.map((level) => after.chain[level]), counterDeltas(events, before, after))
}

/**
 * Adds `delta` to one counter of the org and of every org above it, so each keeps its subtree's
 * figure: the counters that are not case changes (councils, members).
 */
export async function bumpCounter(tx: Pick<Repositories, 'counters' | 'orgs'>, orgId: string, key: CounterKey, delta = 1): Promise<void> {
  await tx.counters.add((await orgPath(tx, orgId)).map((org) => org.id), { [key]: delta })
}
