/** An org as the picker shows it. Everything above a village has orgs under it, so no read is needed to say so. */
import type { OrgNode } from '../../types/account.contract'
import type { OrgRecord } from '../_shared/ports/store.port'

export const orgNode = (org: OrgRecord): OrgNode => ({ ...org, hasChildren: org.level !== 'village' })
