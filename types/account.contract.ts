/** The `account` function: who am I, and the org tree for pickers. */
import { z, id } from './zod-zh'
import type { Level, Role } from './enums'

export const accountContract = {
  /** The caller's identity and role bindings. Takes no fields. */
  me: z.object({}),
  /** The children of an org (the provinces' roots when `parentId` is absent), for the village picker. */
  orgs: z.object({ parentId: id('上级组织').optional() }),
  /** An org and its ancestors, province first: names a remembered village in the picker. */
  path: z.object({ orgId: id('组织') }),
}

export interface RoleBinding {
  role: Role
  orgId: string
  orgName: string
  level: Level
}

export interface OrgNode {
  id: string
  name: string
  level: Level
  parentId: string | null
  /** Whether the picker can go one level deeper. */
  hasChildren: boolean
}

export interface AccountResults {
  me: { openid: string; name: string | null; homeOrgId: string | null; roles: RoleBinding[] }
  orgs: { items: OrgNode[] }
  path: { items: OrgNode[] }
}
