/**
 * Retention: a reporter's phone and address are kept while her case is being handled, and deleted
 * CONTACT_RETENTION_DAYS after it ends (closed or withdrawn). The case and its timeline stay.
 */
import { CONTACT_RETENTION_DAYS } from '../../../types/intake.contract'
import { isTerminal, type CaseState } from '../domain/case.state'
import type { Repositories } from '../ports/store.port'

const DAY_MS = 86_400_000

export async function scheduleContactPurge(
  tx: Pick<Repositories, 'contacts'>,
  before: CaseState,
  after: CaseState,
  at: string,
): Promise<void> {
  if (isTerminal(before.status) || !isTerminal(after.status)) return
  await tx.contacts.schedulePurge(after.id, new Date(Date.parse(at) + CONTACT_RETENTION_DAYS * DAY_MS).toISOString())
}
