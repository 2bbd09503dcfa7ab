/**
 * What a deliberation is found and sorted by, computed from its state once for both Store adapters:
 * SQLite keeps it as columns (sqlite/deliberations.sqlite.ts), CloudBase as top-level fields beside
 * the state (cloudbase/deliberations.cloudbase.ts, indexed in cloudbase/indexes.json).
 */
import type { DeliberationStatus } from '../../../types/deliberation.contract'
import type { DeliberationState } from '../domain/deliberation.state'

export interface DeliberationIndex {
  /** The village whose council deliberates: its inbox. */
  orgId: string
  status: DeliberationStatus
  /** Inboxes show the newest first. */
  openedAt: string
  /** The close job takes open deliberations by this. */
  closesAt: string
  /** Set while a reminder is still owed, so the reminder job's query never meets the reminded or closed ones. */
  remindDueAt: string | null
  caseId: string | null
}

export function deliberationIndexOf(state: DeliberationState): DeliberationIndex {
  return {
    orgId: state.orgId,
    status: state.status,
    openedAt: state.openedAt,
    closesAt: state.closesAt,
    remindDueAt: state.status === 'open' && state.remindedAt === undefined ? state.remindAt : null,
    caseId: state.caseId ?? null,
  }
}
