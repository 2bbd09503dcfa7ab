/**
 * Who may do what with a deliberation: pure predicates over the person's role bindings and the
 * deliberation. Like case.access, they look at relationships only, never at the status, so the
 * decider answers "not you" (FORBIDDEN) before "not now" (CONFLICT).
 *
 * The answers come from authorization.table.ts, measured against the council's village on its own
 * ladder (the chain it captured when it opened). Where only the org id is at hand, a binding is
 * placed by its org id alone, which is exact for the rows that allow only `own`.
 */
import type { Role } from '../../../types/enums'
import type { Actor, Person } from './actor.types'
import { pathOnLadder, type Chain } from './org-ladder'
import type { CommentAuthorRole, DeliberationState } from './deliberation.state'
import { allowedBindings, relationOf, type AuthAction } from './authorization.table'

type Where = Pick<DeliberationState, 'orgId' | 'chain'>
type Org = Pick<DeliberationState, 'orgId'> & { chain?: Chain }

/** The council's path and how to place a binding on it: on its ladder when the chain is known. */
function placing(d: Org): { target: readonly string[]; pathOf: (orgId: string) => readonly string[] } {
  const { chain } = d
  if (!chain || chain.village !== d.orgId) return { target: [d.orgId], pathOf: (orgId) => [orgId] }
  return { target: pathOnLadder(chain, d.orgId), pathOf: (orgId) => pathOnLadder(chain, orgId) }
}

const bindingsFor = (actor: Person, row: AuthAction, d: Org) => {
  const { target, pathOf } = placing(d)
  return allowedBindings(actor, row, target, pathOf)
}

const may = (actor: Person, row: AuthAction, d: Org): boolean => bindingsFor(actor, row, d).length > 0

/** A convener or a cadre of the org may open a deliberation for its council. */
export const canOpen = (actor: Person, orgId: string, chain?: Chain): boolean =>
  may(actor, 'deliberation.open', chain ? { orgId, chain } : { orgId })

/** Runs it for the council: the convener or a cadre of the org. */
export const manages = (actor: Person, d: Org): boolean => may(actor, 'deliberation.manage', d)

export const isElector = (d: Pick<DeliberationState, 'electorate'>, openid: string): boolean =>
  d.electorate.some((e) => e.openid === openid)

/**
 * She was on the council when it opened and still is. Someone who joined later is not on the roll
 * (the quorum was counted without her); someone who left no longer speaks for the council.
 */
export const canVote = (actor: Person, d: Org & Pick<DeliberationState, 'electorate'>): boolean =>
  isElector(d, actor.openid) && may(actor, 'deliberation.vote', d)

/** Shares the group card: the council and whoever runs it (cadres above read, they do not share it). */
export const canShare = (actor: Person, d: Org): boolean => may(actor, 'deliberation.share', d)

/** Only the convener records a ballot agreed by phone: she answers for it in the audit trail. */
export const canProxyVote = (actor: Person, d: Org): boolean => may(actor, 'deliberation.proxyVote', d)

export const canComment = (actor: Person, d: Org): boolean => may(actor, 'deliberation.comment', d)

/** The timer may always ask (the decider checks the deadline); a person must run the council. */
export const canClose = (actor: Actor, d: Org): boolean => actor === 'system' || manages(actor, d)

/** Cadres of orgs above the council on its chain, and the province admin, watch: they read, never act. */
export function supervises(actor: Person, d: Where): boolean {
  const { target, pathOf } = placing(d)
  return bindingsFor(actor, 'deliberation.read', d).some((b) => relationOf(pathOf(b.orgId), target) === 'above')
}

export const canRead = (actor: Person, d: Where): boolean => may(actor, 'deliberation.read', d)

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
  const roles: Role[] = bindingsFor(actor, 'deliberation.comment', d).map((b) => b.role)
  return COMMENT_ROLES.find((role) => roles.includes(role)) ?? null
}

const COMMENT_ROLES: readonly CommentAuthorRole[] = ['convener', 'cadre', 'member']
