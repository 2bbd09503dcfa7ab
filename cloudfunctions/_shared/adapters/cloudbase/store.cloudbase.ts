/**
 * The Store port on the CloudBase document database (@cloudbase/node-sdk). Production only: without
 * credentials the SDK crashes the process, so the local host and tests never import this file except
 * through the offline contract suite.
 *
 * Documents use the record's natural id as `_id`. Reads page in steps of 1000 because `get()` caps
 * there silently.
 */
import type {
  MembershipRecord,
  OrgRecord,
  Repositories,
  Store,
  UserRecord,
} from '../../ports/store.port'

/** The slice of the SDK's database API this adapter uses (typed here: the SDK's own types are loose). */
export interface CloudbaseDb {
  collection(name: string): CloudbaseCollection
  runTransaction<T>(fn: (tx: { collection(name: string): CloudbaseCollection }) => Promise<T>): Promise<T>
  command: { in(values: unknown[]): unknown }
}
export interface CloudbaseQuery {
  where(filter: Record<string, unknown>): CloudbaseQuery
  orderBy(field: string, direction: 'asc' | 'desc'): CloudbaseQuery
  skip(n: number): CloudbaseQuery
  limit(n: number): CloudbaseQuery
  get(): Promise<{ data: Record<string, unknown>[] }>
  remove(): Promise<unknown>
}
export interface CloudbaseCollection extends CloudbaseQuery {
  doc(id: string): {
    get(): Promise<{ data: Record<string, unknown>[] | Record<string, unknown> | null }>
    set(doc: Record<string, unknown>): Promise<unknown>
    remove(): Promise<unknown>
  }
}

export const COLLECTIONS = { orgs: 'orgs', users: 'users', memberships: 'memberships', meta: 'meta' } as const

const PAGE = 1000

/** Reads every document a query matches, 1000 at a time, in `_id` order. */
async function readAll(query: CloudbaseQuery): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = []
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await query.orderBy('_id', 'asc').skip(offset).limit(PAGE).get()
    out.push(...data)
    if (data.length < PAGE) return out
  }
}

async function getDoc(collection: CloudbaseCollection, id: string): Promise<Record<string, unknown> | null> {
  try {
    const { data } = await collection.doc(id).get()
    if (Array.isArray(data)) return data[0] ?? null
    return data ?? null
  } catch {
    // A transaction's doc().get() rejects for a missing document instead of answering empty.
    return null
  }
}

const toOrg = (doc: Record<string, unknown>): OrgRecord => ({
  id: String(doc._id),
  name: String(doc.name),
  level: doc.level as OrgRecord['level'],
  parentId: (doc.parentId as string | null) ?? null,
})
const toMembership = (doc: Record<string, unknown>): MembershipRecord => ({
  openid: String(doc.openid),
  role: doc.role as MembershipRecord['role'],
  orgId: String(doc.orgId),
})
const membershipId = (m: MembershipRecord) => `${m.openid}:${m.role}:${m.orgId}`

function repositories(db: CloudbaseDb, col: (name: string) => CloudbaseCollection): Repositories {
  return {
    orgs: {
      get: async (id) => {
        const doc = await getDoc(col(COLLECTIONS.orgs), id)
        return doc ? toOrg(doc) : null
      },
      children: async (parentId) => (await readAll(col(COLLECTIONS.orgs).where({ parentId }))).map(toOrg),
      withChildren: async (ids) => {
        const found = new Set<string>()
        for (let i = 0; i < ids.length; i += PAGE) {
          const slice = ids.slice(i, i + PAGE)
          const docs = await readAll(col(COLLECTIONS.orgs).where({ parentId: db.command.in(slice) }))
          for (const doc of docs) found.add(String(doc.parentId))
        }
        return found
      },
      all: async () => (await readAll(col(COLLECTIONS.orgs))).map(toOrg),
      put: async (org) => {
        await col(COLLECTIONS.orgs).doc(org.id).set({ name: org.name, level: org.level, parentId: org.parentId })
      },
    },
    people: {
      getUser: async (openid): Promise<UserRecord | null> => {
        const doc = await getDoc(col(COLLECTIONS.users), openid)
        return doc
          ? { openid, name: (doc.name as string | null) ?? null, homeOrgId: (doc.homeOrgId as string | null) ?? null }
          : null
      },
      putUser: async (user) => {
        await col(COLLECTIONS.users).doc(user.openid).set({ name: user.name, homeOrgId: user.homeOrgId })
      },
      rolesOf: async (openid) => (await readAll(col(COLLECTIONS.memberships).where({ openid }))).map(toMembership),
      withRole: async (orgId, role) =>
        (await readAll(col(COLLECTIONS.memberships).where({ orgId, role }))).map(toMembership),
      bind: async (m) => {
        await col(COLLECTIONS.memberships).doc(membershipId(m)).set({ openid: m.openid, role: m.role, orgId: m.orgId })
      },
      unbind: async (m) => {
        await col(COLLECTIONS.memberships).doc(membershipId(m)).remove()
      },
    },
    meta: {
      get: async (key) => {
        const doc = await getDoc(col(COLLECTIONS.meta), key)
        return doc ? String(doc.value) : null
      },
      set: async (key, value) => {
        await col(COLLECTIONS.meta).doc(key).set({ value })
      },
    },
  }
}

export function createCloudbaseStore(db: CloudbaseDb): Store {
  const outside = repositories(db, (name) => db.collection(name))
  return {
    ...outside,
    transaction: (fn) => db.runTransaction((tx) => fn(repositories(db, (name) => tx.collection(name)))),
    close: async () => {},
  }
}
