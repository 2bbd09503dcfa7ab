/**
 * Who may read an org's statistics and export its cases, and what an export shows of each case.
 * Pure: the caller brings the org's path (the org and its ancestors, walked up the tree by parentId).
 */
import type { Person } from './actor.types'
import { assertNever } from './domain.errors'
import { holderRole, isSensitive, type Visibility } from './case.access'
import type { CaseState } from './case.state'

/**
 * `orgPath`: the org's id first, then its parent's, up to the root. Cadres read any org on or below
 * their binding; the admin reads anything under her province (all of it, in a one-province tree);
 * a convener reads her own village. Council members and residents read none.
 */
export function canReadStats(person: Person, orgPath: readonly string[]): boolean {
  const orgId = orgPath[0]
  if (orgId === undefined) return false
  return person.roles.some((b) => {
    switch (b.role) {
      case 'admin':
      case 'cadre':
        return orgPath.includes(b.orgId)
      case 'convener':
        return b.orgId === orgId
      case 'member':
        return false
      default:
        return assertNever(b.role)
    }
  })
}

/** Whether the person has any role that reads statistics somewhere: the gate before any lookup. */
export const readsStatsAnywhere = (person: Person): boolean =>
  person.roles.some((b) => b.role === 'admin' || b.role === 'cadre' || b.role === 'convener')

/**
 * An export leaves the system as a file, so it is stricter than the case page (where cadres above the
 * holder read everything): the private text of a sensitive case goes only to the convener and cadres
 * of the org holding it now. The reporter is never named: redactCase without a viewer keeps only
 * whether she reported anonymously.
 */
export function exportVisibility(person: Person, caseState: CaseState): Visibility {
  return holderRole(person, caseState) !== null || !isSensitive(caseState) ? 'full' : 'redacted'
}
