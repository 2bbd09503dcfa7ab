/**
 * What a deliberation is found and sorted by, computed from its state once for both Store adapters:
 * SQLite keeps it as columns (sqlite/deliberations.sqlite.ts), CloudBase as top-level fields beside
 * the state (cloudbase/deliberations.cloudbase.ts, indexed in cloudbase/indexes.json).
 */
import type { DeliberationStatus } from '../../../types/deliberation.contract'
import type { DeliberationState } from '../domain/deliberation.state'
import { nextDeliberationDue } from '../domain/deliberation.timers'

export interface DeliberationIndex {
  /** The village whose council deliberates: its inbox. */
  orgId: string
  status: DeliberationStatus
  /** Inboxes show the newest first. */
  openedAt: string
  /**
   * The next instant a timer must act (the owed reminder, else the close), null once closed: the due
   * job finds them by this alone, so its query never meets a closed one. Rewritten on every change.
   */
  dueAt: string | null
  caseId: string | null
}

export function deliberationIndexOf(state: DeliberationState): DeliberationIndex {
  return {
    orgId: state.orgId,
    status: state.status,
    openedAt: state.openedAt,
    dueAt: nextDeliberationDue(state),
    caseId: state.caseId ?? null,
  }
}
