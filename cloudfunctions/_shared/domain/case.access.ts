/**
 * Who may do what with a case: a pure function of the person's role bindings and the case. It looks
 * at relationships only, never at the status, so a handler can authorize before it looks at the
 * state of the thing, and the decider answers a wrong status with CONFLICT, not FORBIDDEN.
 */
import { SENSITIVE_CATEGORIES } from '../../../types/enums'
import type { ActorRole, Person } from './actor.types'
import { assertNever } from './domain.errors'
import { isAbove, levelOnChain } from './org-ladder'
import type { CaseState } from './case.state'

export type CaseAction =
  | 'view'
  | 'accept'
  | 'resolve'
  | 'escalate'
  | 'handBack'
  | 'assign'
  | 'reply'
  | 'rate'
  | 'withdraw'

export type Visibility = 'full' | 'redacted' | 'none'

export function canOnCase(actor: Person, action: CaseAction, caseState: CaseState): boolean {
  switch (action) {
    case 'view':
      return visibilityOf(actor, caseState) !== 'none'
    case 'rate':
    case 'withdraw':
      return isReporter(actor, caseState)
    case 'accept':
    case 'resolve':
    case 'escalate':
    case 'handBack':
    case 'assign':
    case 'reply':
      return holderRole(actor, caseState) !== null
    default:
      return assertNever(action)
  }
}

export function visibilityOf(actor: Person, caseState: CaseState): Visibility {
  if (
    isReporter(actor, caseState) ||
    holderRole(actor, caseState) !== null ||
    supervises(actor, caseState) ||
    isProvinceAdmin(actor, caseState)
  ) {
    return 'full'
  }
  if (isCouncilMember(actor, caseState)) {
    return isSensitive(caseState) ? 'redacted' : 'full'
  }
  return 'none'
}

export const isSensitive = (caseState: Pick<CaseState, 'category'>): boolean =>
  SENSITIVE_CATEGORIES.includes(caseState.category)

export function isReporter(actor: Person, caseState: CaseState): boolean {
  return actor.openid.length > 0 && actor.openid === caseState.reporter.openid
}

/** The role by which the person handles the case for its holder org, or null if she does not. */
export function holderRole(actor: Person, caseState: CaseState): 'convener' | 'cadre' | null {
  const binding = actor.roles.find(
    (b) => b.orgId === caseState.holderOrgId && (b.role === 'cadre' || b.role === 'convener'),
  )
  return binding ? (binding.role as 'convener' | 'cadre') : null
}

/** Cadres of orgs above the holder on the case's chain watch it: supervision, not handling. */
function supervises(actor: Person, caseState: CaseState): boolean {
  return actor.roles.some((b) => {
    if (b.role !== 'cadre') return false
    const level = levelOnChain(caseState.chain, b.orgId)
    return level !== null && isAbove(level, caseState.level)
  })
}

function isProvinceAdmin(actor: Person, caseState: CaseState): boolean {
  return actor.roles.some((b) => b.role === 'admin' && b.orgId === caseState.chain.province)
}

// A convener is a council member too: once the case has left her village she sees it as one.
function isCouncilMember(actor: Person, caseState: CaseState): boolean {
  return actor.roles.some(
    (b) => b.orgId === caseState.villageId && (b.role === 'member' || b.role === 'convener'),
  )
}

/** The audit trail's role for an action the person is allowed to take. */
export function actingRole(actor: Person, action: CaseAction, caseState: CaseState): ActorRole {
  if (action === 'rate' || action === 'withdraw') return 'resident'
  return holderRole(actor, caseState) ?? 'resident'
}
