/** The org tree on CloudBase: `orgs/_id = org id`. */
import type { OrgRecord, OrgRepository } from '../../ports/store.port'
import { getDoc, type Doc } from './cloudbase-db'
import { PAGE, readAll } from './pager'
import type { Scope } from './scope.cloudbase'

export const ORGS = 'orgs'

const toOrg = (doc: Doc): OrgRecord => ({
  id: String(doc._id),
  name: String(doc.name),
  level: doc.level as OrgRecord['level'],
  parentId: (doc.parentId as string | null) ?? null,
})

export function cloudbaseOrgs(scope: Scope): OrgRepository {
  return {
    get: async (id) => {
      const doc = await getDoc(scope.doc(ORGS), id)
      return doc ? toOrg(doc) : null
    },
    children: async (parentId) => (await readAll(scope.command, scope.query(ORGS), { parentId })).map(toOrg),
    withChildren: async (ids) => {
      const found = new Set<string>()
      // `_.in` takes a bounded list: ask in slices.
      for (let i = 0; i < ids.length; i += PAGE) {
        const slice = ids.slice(i, i + PAGE)
        const docs = await readAll(scope.command, scope.query(ORGS), { parentId: scope.command.in(slice) })
        for (const doc of docs) found.add(String(doc.parentId))
      }
      return found
    },
    all: async () => (await readAll(scope.command, scope.query(ORGS))).map(toOrg),
    put: async (org) => {
      await scope.doc(ORGS).doc(org.id).set({ name: org.name, level: org.level, parentId: org.parentId })
    },
  }
}
