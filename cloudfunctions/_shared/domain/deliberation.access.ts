/**
 * Who may do what with a deliberation: pure predicates over the person's role bindings and the
 * deliberation. Like case.access, they look at relationships only, never at the status, so the
 * decider answers "not you" (FORBIDDEN) before "not now" (CONFLICT).
 */
import type { Role } from '../../../types/enums'
import type { Actor, Person } from './actor.types'
import { isAbove, levelOnChain } from './org-ladder'
import type { CommentAuthorRole, DeliberationState } from './deliberation.state'

type Where = Pick<DeliberationState, 'orgId' | 'chain'>
type Org = Pick<DeliberationState, 'orgId'>

const boundAs = (actor: Person, orgId: string, roles: readonly Role[]): boolean =>
  actor.roles.some((b) => b.orgId === orgId && roles.includes(b.role))

/** A convener or a cadre of the org may open a deliberation for its council. */
export const canOpen = (actor: Person, orgId: string): boolean => boundAs(actor, orgId, ['convener', 'cadre'])

/** Runs it for the council: the convener or a cadre of the org. */
export const manages = (actor: Person, d: Org): boolean => boundAs(actor, d.orgId, ['convener', 'cadre'])

export const isElector = (d: Pick<DeliberationState, 'electorate'>, openid: string): boolean =>
  d.electorate.some((e) => e.openid === openid)

/**
 * She was on the council when it opened and still is. Someone who joined later is not on the roll
 * (the quorum was counted without her); someone who left no longer speaks for the council.
 */
export const canVote = (actor: Person, d: Org & Pick<DeliberationState, 'electorate'>): boolean =>
  isElector(d, actor.openid) && boundAs(actor, d.orgId, ['member', 'convener'])

/** Only the convener records a ballot agreed by phone: she answers for it in the audit trail. */
export const canProxyVote = (actor: Person, d: Org): boolean => boundAs(actor, d.orgId, ['convener'])

export const canComment = (actor: Person, d: Org): boolean => boundAs(actor, d.orgId, ['member', 'convener', 'cadre'])

/** The timer may always ask (the decider checks the deadline); a person must run the council. */
export const canClose = (actor: Actor, d: Org): boolean => actor === 'system' || manages(actor, d)

/** Cadres of orgs above the council on its chain, and the province admin, watch: they read, never act. */
export function supervises(actor: Person, d: Where): boolean {
  return actor.roles.some((b) => {
    if (b.role === 'admin') return b.orgId === d.chain.province
    if (b.role !== 'cadre') return false
    const level = levelOnChain(d.chain, b.orgId)
    return level !== null && isAbove(level, 'village')
  })
}

export const canRead = (actor: Person, d: Where): boolean => canComment(actor, d) || supervises(actor, d)

/**
 * A member sees the counts once she has voted or it has closed, so early numbers do not sway her
 * (Loomio's "show results after voting"); whoever runs or supervises the council always sees them.
 */
export const seesCounts = (actor: Person, d: Where & Pick<DeliberationState, 'status'>, hasVoted: boolean): boolean =>
  d.status === 'closed' || hasVoted || manages(actor, d) || supervises(actor, d)

/**
 * The ballots one by one. Whoever runs or supervises the council sees them (without the choices when
 * anonymous); a member sees them once she sees the counts, and never when anonymous.
 */
export const seesAudit = (
  actor: Person,
  d: Where & Pick<DeliberationState, 'status' | 'anonymous'>,
  hasVoted: boolean,
): boolean => manages(actor, d) || supervises(actor, d) || (!d.anonymous && canRead(actor, d) && seesCounts(actor, d, hasVoted))

/** Who has voted and who has not: for the convener and cadres of the org, who chase the rest. */
export const seesRoll = (actor: Person, d: Org): boolean => manages(actor, d)

/** How a comment is signed: the strongest of her roles at the org. */
export function commentRole(actor: Person, d: Org): CommentAuthorRole | null {
  if (boundAs(actor, d.orgId, ['convener'])) return 'convener'
  if (boundAs(actor, d.orgId, ['cadre'])) return 'cadre'
  if (boundAs(actor, d.orgId, ['member'])) return 'member'
  return null
}
