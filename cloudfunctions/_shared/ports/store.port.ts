/**
 * The Store port: every piece of state behind one interface, so the same handlers run on SQLite
 * (local, tests) and on the CloudBase database (production). One contract test suite checks that
 * every adapter keeps these promises.
 */
import type { Level, Role } from '../../../types/enums'

export interface OrgRecord {
  id: string
  name: string
  level: Level
  parentId: string | null
}

export interface UserRecord {
  openid: string
  name: string | null
  /** The village or community she lives in, when known: the picker's default. */
  homeOrgId: string | null
}

export interface MembershipRecord {
  openid: string
  role: Role
  orgId: string
}

export interface OrgRepository {
  get(id: string): Promise<OrgRecord | null>
  /** Children of `parentId`; the roots (provinces) when null. Sorted by id. */
  children(parentId: string | null): Promise<OrgRecord[]>
  /** Which of these ids have at least one child. */
  withChildren(ids: string[]): Promise<Set<string>>
  /** Every org in the tree, sorted by id. The tree is small (≈10^5 nodes for a province). */
  all(): Promise<OrgRecord[]>
  put(org: OrgRecord): Promise<void>
}

export interface PeopleRepository {
  getUser(openid: string): Promise<UserRecord | null>
  putUser(user: UserRecord): Promise<void>
  rolesOf(openid: string): Promise<MembershipRecord[]>
  /** Members holding `role` at `orgId` (e.g. every council member of a village). */
  withRole(orgId: string, role: Role): Promise<MembershipRecord[]>
  bind(membership: MembershipRecord): Promise<void>
  unbind(membership: MembershipRecord): Promise<void>
}

/** Small named values the system keeps about itself (the local clock's offset, seed markers). */
export interface MetaRepository {
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
}

export interface Repositories {
  orgs: OrgRepository
  people: PeopleRepository
  meta: MetaRepository
}

export interface Store extends Repositories {
  /**
   * Runs `fn` with repositories whose writes commit together or not at all. `fn` may run again when
   * the store detects a conflicting concurrent write, so it must not have effects outside `tx`.
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>
  close(): Promise<void>
}
