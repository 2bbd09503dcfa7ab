/**
 * Who issues a command. A person comes with the role bindings the handler loaded for her openid
 * (never from the request body); timers act as 'system'.
 */
import type { Role } from '../../../types/enums'

export interface RoleBinding {
  role: Role
  orgId: string
}

export interface Person {
  openid: string
  roles: readonly RoleBinding[]
}

export type Actor = Person | 'system'

/** The audit trail's "who": a role, or 'resident' for a person acting without one (a reporter). */
export type ActorRole = Role | 'resident'

export interface ActedBy {
  openid: string
  role: ActorRole
}
