/** Which org a cadre's statistics open on when the address names none: her most senior binding that reads them. */
import { LEVELS, type RoleBinding } from '../../../types'

export function seniorStatsOrg(roles: readonly RoleBinding[] | undefined): string | undefined {
  return roles
    ?.filter((b) => b.role === 'cadre' || b.role === 'admin' || b.role === 'convener')
    .sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level))[0]?.orgId
}
