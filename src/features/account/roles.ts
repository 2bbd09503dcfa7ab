/** What a person's role bindings (account.me) say about what to show her. */
import type { Role, RoleBinding } from '../../../types'

export const hasRole = (roles: RoleBinding[] | undefined, ...wanted: Role[]) =>
  (roles ?? []).some((binding) => wanted.includes(binding.role))

/** She runs a village council: its convener, or a cadre of that village (she may open deliberations). */
export const runsCouncil = (b: RoleBinding) => (b.role === 'convener' || b.role === 'cadre') && b.level === 'village'

/** She keeps standard answers (标准答复): a city's or the province's cadre, or the admin (the server checks the same). */
export const keepsAnswers = (b: RoleBinding) => b.role === 'admin' || (b.role === 'cadre' && (b.level === 'city' || b.level === 'province'))

/** The binding to show as "who I am here": the most responsible one. */
export function primaryRole(roles: RoleBinding[]): RoleBinding | undefined {
  const order: Role[] = ['admin', 'cadre', 'convener', 'member']
  return [...roles].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))[0]
}
