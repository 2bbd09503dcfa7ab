/**
 * Who may do what with a case: a pure function of the person's role bindings and the case. It looks
 * at relationships only, never at the status, so a handler can authorize before it looks at the
 * state of the thing, and the decider answers a wrong status with CONFLICT, not FORBIDDEN.
 *
 * The answers come from authorization.table.ts: each binding is placed on the case's own ladder and
 * measured against the org holding the case now. What stays here is what the case's content decides:
 * a sensitive case is redacted for those who may see it but not its private text.
 */
import { SENSITIVE_CATEGORIES } from '../../../types/enums'
import type { ActorRole, Person, RoleBinding } from './actor.types'
import { assertNever } from './domain.errors'
import { parentLevel, pathOnLadder } from './org-ladder'
import type { CaseState } from './case.state'
import { allowedBindings, allowedPersonally, type AuthAction } from './authorization.table'

export type CaseAction =
  | 'view'
  | 'accept'
  | 'resolve'
  | 'escalate'
  | 'handBack'
  | 'assign'
  | 'reply'
  | 'urge'
  | 'takeOver'
  | 'transfer'
  | 'requestExtension'
  | 'decideExtension'
  | 'rate'
  | 'withdraw'
  | 'support'
  | 'merge'
  | 'planTask'
  | 'completeTask'

export type Visibility = 'full' | 'redacted' | 'none'

const ROW_OF: Readonly<Record<CaseAction, AuthAction>> = {
  view: 'case.view',
  accept: 'case.accept',
  resolve: 'case.resolve',
  escalate: 'case.escalate',
  handBack: 'case.handBack',
  assign: 'case.assign',
  reply: 'case.reply',
  urge: 'case.urge',
  takeOver: 'case.takeOver',
  transfer: 'case.transfer',
  requestExtension: 'case.requestExtension',
  decideExtension: 'case.decideExtension',
  rate: 'case.rate',
  withdraw: 'case.withdraw',
  support: 'case.support',
  merge: 'case.merge',
  planTask: 'case.planTask',
  completeTask: 'case.completeTask',
}

/** The bindings the table allows for this action on this case, the role she acts in first. */
function bindingsFor(actor: Person, row: AuthAction, caseState: CaseState) {
  const { chain } = caseState
  return allowedBindings(actor, row, pathOnLadder(chain, caseState.holderOrgId), (orgId) => pathOnLadder(chain, orgId))
}

/** Whether the table lets the person do it: as anyone, as the reporter, or by one of her roles. */
export function mayOnCase(actor: Person, row: AuthAction, caseState: CaseState): boolean {
  return (
    allowedPersonally('resident', row) ||
    (isReporter(actor, caseState) && allowedPersonally('reporter', row)) ||
    bindingsFor(actor, row, caseState).length > 0
  )
}

export function canOnCase(actor: Person, action: CaseAction, caseState: CaseState): boolean {
  switch (action) {
    case 'view':
      return visibilityOf(actor, caseState) !== 'none'
    case 'rate':
    case 'withdraw':
    case 'accept':
    case 'resolve':
    case 'escalate':
    case 'handBack':
    case 'assign':
    case 'reply':
    case 'urge':
    case 'takeOver':
    case 'requestExtension':
    case 'support':
    case 'merge':
    case 'planTask':
    // The member a task names may complete it too: a content rule of the task (case.decider.ts).
    case 'completeTask':
      return mayOnCase(actor, ROW_OF[action], caseState)
    case 'transfer':
    case 'decideExtension':
      return actionBindings(actor, action, caseState).length > 0
    default:
      return assertNever(action)
  }
}

export function visibilityOf(actor: Person, caseState: CaseState): Visibility {
  if (mayOnCase(actor, 'case.viewPrivate', caseState)) return 'full'
  if (mayOnCase(actor, 'case.view', caseState)) return isSensitive(caseState) ? 'redacted' : 'full'
  return 'none'
}

/**
 * She sees the case by a role of hers (a member, convener, cadre or the admin placed to see it), not
 * only as its reporter: what cadres write each other about it (催办 notes) is for her then.
 */
export const seesByRole = (actor: Person, caseState: CaseState): boolean => bindingsFor(actor, 'case.view', caseState).length > 0

export const isSensitive = (caseState: Pick<CaseState, 'category'>): boolean =>
  SENSITIVE_CATEGORIES.includes(caseState.category)

export function isReporter(actor: Person, caseState: CaseState): boolean {
  return actor.openid.length > 0 && actor.openid === caseState.reporter.openid
}

/**
 * The role by which the person holds the case for its holder org (its convener or a cadre), or null
 * if she does not: whoever holds it sees the reporter's contact details (the table's case.contact).
 */
export function holderRole(actor: Person, caseState: CaseState): 'convener' | 'cadre' | null {
  const binding = bindingsFor(actor, 'case.contact', caseState).find((b) => b.role === 'cadre' || b.role === 'convener')
  return binding ? (binding.role as 'convener' | 'cadre') : null
}

/** The audit trail's role for an action the person is allowed to take. */
export function actingRole(actor: Person, action: CaseAction, caseState: CaseState): ActorRole {
  // A supporter follows as herself, whatever roles she has: never recorded as acting in office.
  if (action === 'rate' || action === 'withdraw' || action === 'support') return 'resident'
  return actingBinding(actor, action, caseState)?.role ?? 'resident'
}

/**
 * The binding she acts by: the first of hers the table allows (her bindings' order). For 催办 and
 * 提级办理 its org is the one that urges, or that takes the case over.
 */
export function actingBinding(actor: Person, action: CaseAction, caseState: CaseState): RoleBinding | undefined {
  return actionBindings(actor, action, caseState)[0]
}

/**
 * The actions whose rows' `above` means the parent org alone: 转办 and deciding a 延期 belong to the
 * level directly above the holder, not to every level that supervises it (those urge or take over).
 */
const PARENT_ONLY: ReadonlySet<CaseAction> = new Set<CaseAction>(['transfer', 'decideExtension'])

/** The org directly above the holder on the case's chain; undefined at the province. */
export function parentOrgOf(caseState: CaseState): string | undefined {
  const level = parentLevel(caseState.level)
  return level === null ? undefined : caseState.chain[level]
}

/** Her bindings the table allows for the action on the case, in her bindings' order (PARENT_ONLY narrowed). */
export function actionBindings(actor: Person, action: CaseAction, caseState: CaseState): RoleBinding[] {
  const bindings = bindingsFor(actor, ROW_OF[action], caseState)
  if (!PARENT_ONLY.has(action)) return bindings
  const parent = parentOrgOf(caseState)
  return bindings.filter((b) => b.orgId === caseState.holderOrgId || b.orgId === parent)
}
