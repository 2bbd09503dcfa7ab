/**
 * The council's name kept on its open deliberations (DeliberationState.orgName), so a ballot's answer
 * reads no org: it stays the org's name because every change of that name refreshes them.
 *
 * A rename (account.renameOrg, importOrgs) writes the org first, then refreshes the open deliberations
 * it then finds. One opened at the same moment may have read the old name and not be found yet:
 * the open reads the name again after it commits (deliberation/actions/open.action.ts), so whichever
 * comes second of that read and the rename's search sees the other. Each refresh is a change of the
 * deliberation that reads the org's name in its own transaction: it conflicts with a ballot writing
 * the same document (one is retried), and the name it writes is the latest, whatever order
 * two renames' refreshes run in. Repeat-safe: the same name decides nothing.
 */
import type { Deps } from '../context/deps'
import type { RefreshCouncilName } from '../domain/deliberation.commands'
import { change } from '../commands/command-handler'
import { deliberationAggregate } from '../commands/deliberation.aggregate'
import { orgNameOf } from './deliberation-view'

/**
 * Every open deliberation of the org: a council holds a few at once, each open 30 days at most
 * (types/deliberation.contract.ts DELIBERATION_MAX_DAYS), so this bounds nothing in practice.
 */
const OPEN_AT_MOST = 1_000

/** Brings one deliberation's kept name up to the org's. */
export async function refreshCouncilName(deps: Deps, deliberationId: string, at: string): Promise<void> {
  await change(deps, deliberationAggregate, deliberationId, async (state, tx): Promise<RefreshCouncilName> => ({
    type: 'RefreshCouncilName',
    at,
    actor: 'system',
    orgName: await orgNameOf(tx, state.orgId),
  }))
}

/** After the org's name changed: every open deliberation of its council takes the new one. */
export async function refreshCouncilNames(deps: Deps, orgId: string, at: string): Promise<number> {
  const open = await deps.store.deliberations.ofOrgs([orgId], 'open', OPEN_AT_MOST)
  for (const deliberation of open) await refreshCouncilName(deps, deliberation.id, at)
  return open.length
}
