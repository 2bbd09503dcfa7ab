/** The audit log on CloudBase: `audit/_id = entry id`, with `pathKey` for subtree range queries. */
import type { AuditEntry, AuditRepository } from '../../ports/store.port'
import { readUpTo, type Doc } from './cloudbase-db'
import type { Scope } from './scope.cloudbase'

export const AUDIT = 'audit'

const pathKey = (orgPath: readonly string[]) => `/${orgPath.join('/')}/`

export function cloudbaseAudit(scope: Scope): AuditRepository {
  return {
    add: async (entries) => {
      for (const { id, ...entry } of entries) {
        await scope.doc(AUDIT).doc(id).set({ ...entry, pathKey: pathKey(entry.orgPath) })
      }
    },
    inSubtree: async (orgPath, limit, before) => {
      const _ = scope.command
      const from = pathKey(orgPath)
      const conditions = [{ pathKey: _.gte(from) }, { pathKey: _.lt(`${from}\uffff`) }]
      if (before) conditions.push({ at: _.lte(before.at) } as never)
      const query = scope.query(AUDIT).where(_.and(conditions)).orderBy('at', 'desc').orderBy('_id', 'desc')
      const docs = await readUpTo(query, limit + 50)
      return docs
        .filter((d: Doc) => !before || String(d.at) < before.at || (String(d.at) === before.at && String(d._id) < before.id))
        .slice(0, limit)
        .map(({ _id, pathKey: _key, ...rest }) => ({ ...(rest as Omit<AuditEntry, 'id'>), id: String(_id) }))
    },
  }
}
