/**
 * The org tree on CloudBase: `orgs/_id = org id`.
 *
 * Each document also keeps `ancestors`, its parent's id first up to the root's, as they were when it
 * was put: then an org's path is its own read and one `_id in ancestors` query, where a walk up by
 * parentId is a read per level (five for a village; a submit and every escalation need one). The
 * list is only a hint of which documents to fetch: the path is still walked by parentId over what
 * was fetched, and a level the hint missed or got wrong (an org moved after its descendants were put,
 * a document written before the field existed) is read by id as before. So the answer is the walk's,
 * whatever the hint says.
 */
import type { OrgRecord, OrgRepository } from '../../ports/store.port'
import { COLLECTION, readDoc, setDoc, type Doc } from './cloudbase-db'
import { PAGE, readAll } from './pager'
import type { Scope } from './scope.cloudbase'

const toOrg = (doc: Doc): OrgRecord => ({
  id: String(doc._id),
  name: String(doc.name),
  level: doc.level as OrgRecord['level'],
  parentId: (doc.parentId as string | null) ?? null,
})

const ancestorsOf = (doc: Doc): string[] => (Array.isArray(doc.ancestors) ? doc.ancestors.filter((id): id is string => typeof id === 'string') : [])

export function cloudbaseOrgs(scope: Scope): OrgRepository {
  const _ = scope.command
  const read = (id: string) => readDoc(scope.doc(COLLECTION.orgs), id, (doc) => doc)
  /**
   * Orgs this repository put. Inside a transaction a query reads committed data only, not the
   * transaction's own writes: one of these is read by id instead (scope.cloudbase.ts).
   */
  const written = new Set<string>()

  /** Documents by id, committed ones, in slices of what `_.in` takes. */
  async function fetch(ids: readonly string[]): Promise<Doc[]> {
    const unique = [...new Set(ids)]
    const docs: Doc[] = []
    for (let i = 0; i < unique.length; i += PAGE) {
      docs.push(...(await readAll(_, scope.query(COLLECTION.orgs), { _id: _.in(unique.slice(i, i + PAGE)) })))
    }
    return docs
  }

  const path = async (id: string): Promise<OrgRecord[]> => {
    const first = await read(id)
    return first ? pathFrom(first) : []
  }

  /** The path of the org whose document is `first`. */
  async function pathFrom(first: Doc): Promise<OrgRecord[]> {
    const id = String(first._id)
    const hinted = ancestorsOf(first).filter((ancestor) => !written.has(ancestor))
    const fetched = new Map((hinted.length > 0 ? await fetch(hinted) : []).map((doc) => [String(doc._id), doc]))
    const found: OrgRecord[] = [toOrg(first)]
    // The seen set stops a corrupt tree (a parent loop) from walking forever.
    const seen = new Set([id])
    for (let parent = found[0]!.parentId; parent !== null && !seen.has(parent); ) {
      seen.add(parent)
      const doc = fetched.get(parent) ?? (await read(parent))
      if (!doc) break
      const org = toOrg(doc)
      found.push(org)
      parent = org.parentId
    }
    return found
  }

  return {
    get: (id) => readDoc(scope.doc(COLLECTION.orgs), id, toOrg),
    many: async (ids) => {
      const outside = ids.filter((id) => !written.has(id))
      const mine = [...new Set(ids.filter((id) => written.has(id)))]
      const docs = await fetch(outside)
      for (const id of mine) {
        const doc = await read(id)
        if (doc) docs.push(doc)
      }
      return docs.map(toOrg)
    },
    path,
    children: async (parentId) => (await readAll(scope.command, scope.query(COLLECTION.orgs), { parentId })).map(toOrg),
    // The org and its children in one query (orgs_by_parent serves the parentId branch), then its path
    // from its document: a province's dashboard reads its orgs once. One this repository put in its
    // transaction is read by id, as `path` does.
    family: async (id) => {
      const docs = await readAll(_, scope.query(COLLECTION.orgs), _.or([{ _id: id }, { parentId: id }]))
      const self = written.has(id) ? await read(id) : docs.find((doc) => String(doc._id) === id)
      return { path: self ? await pathFrom(self) : [], children: docs.filter((doc) => doc.parentId === id).map(toOrg) }
    },
    withChildren: async (ids) => {
      const found = new Set<string>()
      // `_.in` takes a bounded list: ask in slices.
      for (let i = 0; i < ids.length; i += PAGE) {
        const slice = ids.slice(i, i + PAGE)
        const docs = await readAll(scope.command, scope.query(COLLECTION.orgs), { parentId: scope.command.in(slice) })
        for (const doc of docs) found.add(String(doc.parentId))
      }
      return found
    },
    all: async () => (await readAll(scope.command, scope.query(COLLECTION.orgs))).map(toOrg),
    put: async (org) => {
      const ancestors = org.parentId === null ? [] : (await path(org.parentId)).map((o) => o.id)
      await setDoc(scope.doc(COLLECTION.orgs), org.id, { name: org.name, level: org.level, parentId: org.parentId, ancestors })
      written.add(org.id)
    },
  }
}
