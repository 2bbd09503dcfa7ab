/** The audit log on CloudBase: `audit/_id = entry id`, with `pathKey` (audit.index.ts) for subtree range queries. */
import type { AuditEntry, AuditRepository } from '../../ports/store.port'
import { pathKey, subtreeRange } from '../audit.index'
import { readPages } from './pager'
import type { Scope } from './scope.cloudbase'
import { COLLECTION } from './cloudbase-db'

export function cloudbaseAudit(scope: Scope): AuditRepository {
  return {
    add: async (entries) => {
      for (const { id, ...entry } of entries) {
        await scope.doc(COLLECTION.audit).doc(id).set({ ...entry, pathKey: pathKey(entry.orgPath) })
      }
    },
    inSubtree: async (orgPath, limit, before) => {
      const _ = scope.command
      const { from, to } = subtreeRange(orgPath)
      // Newest first, by cursor (pager.ts): a range of the (pathKey, at desc, _id desc) index.
      const docs = await readPages(_, {
        from: scope.query(COLLECTION.audit),
        where: [{ pathKey: _.gte(from) }, { pathKey: _.lt(to) }],
        orderBy: 'at',
        direction: 'desc',
        after: before && { value: before.at, id: before.id },
        limit,
      })
      return docs.map(({ _id, pathKey: _key, ...rest }) => ({ ...(rest as Omit<AuditEntry, 'id'>), id: String(_id) }))
    },
  }
}
