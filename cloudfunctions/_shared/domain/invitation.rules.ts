/**
 * Who may bring whom in (DESIGN.md §3 roles; issue 8 onboarding). Pure: the caller's bindings, the
 * role offered, the target org's level and its path to the root (the org first).
 *
 * - The province admin may offer any role anywhere (admin itself only at the province).
 * - A cadre may offer member, convener or cadre at her org or anywhere below it.
 * - A convener may offer member at her own village council.
 * Roles fit levels: member and convener exist only at a village or community; admin only at the province.
 */
import type { Level, Role } from '../../../types/enums'
import type { Person } from './actor.types'

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

export function canInvite(inviter: Person, role: Role, target: { level: Level; path: readonly string[] }): boolean {
  if (!roleFitsLevel(role, target.level)) return false
  const targetId = target.path[0]
  return inviter.roles.some((binding) => {
    switch (binding.role) {
      case 'admin':
        return true
      case 'cadre':
        return role !== 'admin' && target.path.includes(binding.orgId)
      case 'convener':
        return role === 'member' && binding.orgId === targetId
      case 'member':
        return false
    }
  })
}

/** Taking a role away follows the same lines as giving it, and nobody removes her own last say. */
export function canRevoke(actor: Person, membership: { openid: string; role: Role }, target: { level: Level; path: readonly string[] }): boolean {
  if (membership.openid === actor.openid && membership.role !== 'member') return false
  return canInvite(actor, membership.role, target)
}
