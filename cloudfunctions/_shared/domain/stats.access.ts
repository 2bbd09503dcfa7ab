/**
 * Who may read an org's statistics and export its cases, and what an export shows of each case.
 * Pure: the caller brings the org's path (the org and its ancestors, walked up the tree by parentId).
 */
import type { Person } from './actor.types'
import { isSensitive, mayOnCase, visibilityOf, type Visibility } from './case.access'
import type { CaseState } from './case.state'
import { allowedBindings, allowedSomewhere } from './authorization.table'

/**
 * `orgPath`: the org's id first, then its parent's, up to the root. Cadres read any org on or below
 * their binding; the admin reads anything under her province (all of it, in a one-province tree);
 * a convener reads her own village. Council members and residents read none. (authorization.table's
 * stats.read row.)
 */
export function canReadStats(person: Person, orgPath: readonly string[]): boolean {
  return allowedBindings(person, 'stats.read', orgPath).length > 0
}

/** Whether the person has any role that reads statistics somewhere: the gate before any lookup. */
export const readsStatsAnywhere = (person: Person): boolean =>
  person.roles.some((b) => allowedSomewhere(b.role, 'stats.read'))

/** Who reads an org's audit log: its cadres, those above, and the admin (the table's audit.read row). */
export function canReadAudit(person: Person, orgPath: readonly string[]): boolean {
  return allowedBindings(person, 'audit.read', orgPath).length > 0
}

/**
 * An export leaves the system as a file, so it is stricter than the case page (where cadres above the
 * holder read everything): the private text of a sensitive case goes only to the convener and cadres
 * of the org holding it now (the table's case.exportPrivate row). The reporter is never named:
 * redactCase without a viewer keeps only whether she reported anonymously.
 */
export function exportVisibility(person: Person, caseState: CaseState): Visibility {
  return !isSensitive(caseState) || mayOnCase(person, 'case.exportPrivate', caseState) ? 'full' : 'redacted'
}

/**
 * A case behind a figure of her dashboard (stats.cases): as her case lists show it where she may open
 * it (case.view: full, or redacted for a sensitive case whose private text is not hers); a case that
 * has gone past her (escalated above her org) she still counts in her figures, so it is listed as
 * her export shows it — a sensitive one redacted — and marked not to open. Never more than her case
 * page and her CSV together show.
 */
export function drillVisibility(person: Person, caseState: CaseState): { visibility: Visibility; openable: boolean } {
  const visibility = visibilityOf(person, caseState)
  return visibility === 'none' ? { visibility: exportVisibility(person, caseState), openable: false } : { visibility, openable: true }
}
