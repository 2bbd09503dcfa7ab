/**
 * Writing statistics counters, always inside the caller's transaction: the counters commit with the
 * change they count or not at all. The rules of what to count are the domain's (stats.counters.ts).
 */
import { LEVELS } from '../../../types/enums'
import type { CaseEvent } from '../domain/case.events'
import type { CaseState } from '../domain/case.state'
import type { Chain } from '../domain/org-ladder'
import { counterDeltas, type CounterKey } from '../domain/stats.counters'
import type { Repositories } from '../ports/store.port'
import { orgPath } from '../orgs/org-path'

type Tx = Pick<Repositories, 'counters'>

const chainIds = (chain: Chain): string[] => LEVELS.map((level) => chain[level])

/** Counts one case change (or its creation, with `before` null) for every org on its chain. */
export async function countCaseChange(
  tx: Tx,
  events: readonly CaseEvent[],
  before: CaseState | null,
  after: CaseState,
): Promise<void> {
  await tx.counters.add(chainIds(after.chain), counterDeltas(events, before, after))
}

/**
 * Adds `delta` to one counter of every org in `target` (a case's chain, or org ids: the org and its
 * ancestors, so each keeps its subtree's figure). For counters that are not case changes, e.g.
 * `bumpCounter(tx, await orgAndAncestors(tx, orgId), 'deliberations')`.
 */
export async function bumpCounter(tx: Tx, target: Chain | readonly string[], key: CounterKey, delta = 1): Promise<void> {
  const orgIds = isChain(target) ? chainIds(target) : target
  await tx.counters.add(orgIds, { [key]: delta })
}

/** The ids of the org and every org above it: the orgs whose subtree figures include it. */
export async function orgAndAncestors(tx: Pick<Repositories, 'orgs'>, orgId: string): Promise<string[]> {
  return (await orgPath(tx, orgId)).map((org) => org.id)
}

function isChain(target: Chain | readonly string[]): target is Chain {
  return !Array.isArray(target)
}
