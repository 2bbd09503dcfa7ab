/**
 * Subscription credits on CloudBase: `credits/_id = <person tag>:<templateId>` with a count. Spending
 * is read-check-write inside a transaction, so two deliveries never spend the same credit. The person
 * is her tag (sealed-identity.ts), never her openid.
 */
import type { CreditRepository } from '../../ports/store.port'
import { COLLECTION, type Doc } from './cloudbase-db'
import { readAll } from './pager'
import { rewriteDoc, type Scope } from './scope.cloudbase'
import type { IdentitySeal } from '../sealed-identity'

export const creditId = (personTag: string, templateId: string) => `${personTag}:${templateId}`

export function cloudbaseCredits(scope: Scope, seal: IdentitySeal): CreditRepository {
  const creditDoc = (openid: string, templateId: string, count: number) => ({ personTag: seal.person(openid), templateId, count })
  const id = (openid: string, templateId: string) => creditId(seal.person(openid), templateId)
  const countOf = (current: Doc | null) => Number(current?.count ?? 0)
  return {
    balance: async (openid) => {
      const docs = await readAll(scope.command, scope.query(COLLECTION.credits), { personTag: seal.person(openid) })
      return Object.fromEntries(docs.map((doc) => [String(doc.templateId), Number(doc.count)]))
    },
    grant: async (openid, templateId, count) => {
      await rewriteDoc(scope, COLLECTION.credits, id(openid, templateId), (current) => creditDoc(openid, templateId, countOf(current) + count))
    },
    take: (openid, templateId) =>
      rewriteDoc(scope, COLLECTION.credits, id(openid, templateId), (current) =>
        countOf(current) > 0 ? creditDoc(openid, templateId, countOf(current) - 1) : null,
      ),
    clear: async (openid, templateId) => {
      await rewriteDoc(scope, COLLECTION.credits, id(openid, templateId), (current) => current && creditDoc(openid, templateId, 0))
    },
  }
}
