/**
 * Growing the org tree and its councils, with the councils and members counters kept in the same
 * transaction. Each step counts only what it actually adds, so running it again (a retried request,
 * a re-run seed) counts nothing twice.
 *
 * Councils: every village/community org has one. Members: `member` bindings at a village (a convener
 * is a member who runs the council; bind her as both, as the demo seed does, to count her).
 */
import { conflict } from '../context/failures'
import type { MembershipRecord, OrgRecord, Repositories } from '../ports/store.port'
import { bumpCounter } from '../stats/counter-writes'

type Tx = Pick<Repositories, 'orgs' | 'people' | 'counters'>

/**
 * Adds an org under an existing parent (parents first). Re-putting an org updates its name — a rename,
 * whose caller then refreshes the council's open deliberations (deliberations/council-name.ts, as
 * account.renameOrg and importOrgs do); moving one to another parent is not supported here: its subtree
 * counters would have to move with it.
 */
export async function addOrg(tx: Tx, org: OrgRecord): Promise<void> {
  const existing = await tx.orgs.get(org.id)
  if (existing && existing.parentId !== org.parentId) throw conflict('暂不支持调整组织的上级，请联系省级管理员')
  await tx.orgs.put(org)
  if (!existing && org.level === 'village') await bumpCounter(tx, org.id, 'councils')
}

export async function bindRole(tx: Tx, membership: MembershipRecord): Promise<void> {
  const added = await tx.people.bind(membership)
  if (added && (await countsAsMember(tx, membership))) await bumpCounter(tx, membership.orgId, 'members')
}

export async function unbindRole(tx: Tx, membership: MembershipRecord): Promise<void> {
  const removed = await tx.people.unbind(membership)
  if (removed && (await countsAsMember(tx, membership))) await bumpCounter(tx, membership.orgId, 'members', -1)
}

async function countsAsMember(tx: Tx, membership: MembershipRecord): Promise<boolean> {
  return membership.role === 'member' && (await tx.orgs.get(membership.orgId))?.level === 'village'
}
