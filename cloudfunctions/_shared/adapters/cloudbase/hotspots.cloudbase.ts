/**
 * Early-warning alerts on CloudBase: `hotspots/_id = slot` (rule:org:category), with `pathKey`
 * (audit.index.ts) for subtree range queries, as the audit log has it.
 */
import type { HotspotAlert } from '../../domain/hotspot.rule'
import type { HotspotRepository } from '../../ports/store.port'
import { pathKey, subtreeRange } from '../audit.index'
import { COLLECTION, readDoc, setDoc, withKey } from './cloudbase-db'
import { readPages } from './pager'
import type { Scope } from './scope.cloudbase'

/**
 * `refresh` adds children with `_.addToSet` (appended, unsorted) and puts the report first among
 * caseIds with `_.push` (a resend may add it twice): read back sorted and each once, as
 * hotspot.rule.ts refreshedAlert keeps them.
 */
const toAlert = (doc: Record<string, unknown>): HotspotAlert => {
  const { pathKey: _key, ...rest } = withKey<HotspotAlert & { pathKey?: string }>('slot')(doc)
  return { ...rest, children: [...new Set(rest.children)].sort(), caseIds: [...new Set(rest.caseIds)] }
}

export function cloudbaseHotspots(scope: Scope): HotspotRepository {
  return {
    get: (slot) => readDoc(scope.doc(COLLECTION.hotspots), slot, toAlert),
    put: ({ slot, ...alert }) => setDoc(scope.doc(COLLECTION.hotspots), slot, { ...alert, pathKey: pathKey(alert.orgPath) }),
    // One update of server-side operators, no read: refreshes that race all land, none conflicts.
    // `updated: 0` (no alert in the slot) is nothing, as the port says.
    refresh: async (slot, { cases, children, caseIds, updatedAt }, maxCaseIds) => {
      const _ = scope.command
      await scope.doc(COLLECTION.hotspots).doc(slot).update({
        cases: _.max(cases),
        children: _.addToSet({ $each: [...children] }),
        caseIds: _.push({ each: [...caseIds], position: 0, slice: maxCaseIds }),
        updatedAt: _.max(updatedAt),
      })
    },
    liveIn: async (orgPath, now, limit) => {
      const _ = scope.command
      const { from, to } = subtreeRange(orgPath)
      // A range of the (pathKey, raisedAt desc, _id desc) index, the lapsed ones filtered on it.
      const docs = await readPages(_, {
        from: scope.query(COLLECTION.hotspots),
        where: [{ pathKey: _.gte(from) }, { pathKey: _.lt(to) }, { liveUntil: _.gt(now) }],
        orderBy: 'raisedAt',
        direction: 'desc',
        limit,
      })
      return docs.map(toAlert)
    },
  }
}
