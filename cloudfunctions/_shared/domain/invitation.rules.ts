/**
 * Who may bring whom in (docs/RULES.md "Orgs, levels and roles"). Pure: the caller's bindings, the
 * role offered, the target org's level and its path to the root (the org first).
 *
 * Where each role may offer which role is the table's roles.offer* rows (authorization.table.ts):
 * - The province admin may offer any role in her province (admin itself only at the province).
 * - A cadre may offer member, convener or cadre at her org or anywhere below it.
 * - A convener may offer member at her own village council.
 * What stays here is a content rule: roles fit levels. Member and convener exist only at a village or
 * community; admin only at the province.
 */
import type { Level, Role } from '../../../types/enums'
import type { Person } from './actor.types'
import { allowedBindings, type AuthAction } from './authorization.table'

export function roleFitsLevel(role: Role, level: Level): boolean {
  switch (role) {
    case 'member':
    case 'convener':
      return level === 'village'
    case 'cadre':
      return true
    case 'admin':
      return level === 'province'
  }
}

/** The table's row for offering (and so for taking away) each role. */
export const OFFER_ROW: Readonly<Record<Role, AuthAction>> = {
  member: 'roles.offerMember',
  convener: 'roles.offerConvener',
  cadre: 'roles.offerCadre',
  admin: 'roles.offerAdmin',
}

export function canInvite(inviter: Person, role: Role, target: { level: Level; path: readonly string[] }): boolean {
  return roleFitsLevel(role, target.level) && allowedBindings(inviter, OFFER_ROW[role], target.path).length > 0
}

/** Taking a role away follows the same lines as giving it, and nobody removes her own last say. */
export function canRevoke(actor: Person, membership: { openid: string; role: Role }, target: { level: Level; path: readonly string[] }): boolean {
  if (membership.openid === actor.openid && membership.role !== 'member') return false
  return canInvite(actor, membership.role, target)
}

/** Who sits where, for whoever may offer a seat there (the table's roles.list row). */
export function canListMembers(viewer: Person, target: { path: readonly string[] }): boolean {
  return allowedBindings(viewer, 'roles.list', target.path).length > 0
}
