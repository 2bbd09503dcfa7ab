/** The org tree on CloudBase: `orgs/_id = org id`. */
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

export function cloudbaseOrgs(scope: Scope): OrgRepository {
  return {
    get: (id) => readDoc(scope.doc(COLLECTION.orgs), id, toOrg),
    children: async (parentId) => (await readAll(scope.command, scope.query(COLLECTION.orgs), { parentId })).map(toOrg),
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
    put: (org) => setDoc(scope.doc(COLLECTION.orgs), org.id, { name: org.name, level: org.level, parentId: org.parentId }),
  }
}
