/**
 * Subscription credits on CloudBase: `credits/_id = <person tag>:<templateId>` with a count. Spending
 * is read-check-write inside a transaction, so two deliveries never spend the same credit. The person
 * is her tag (sealed-identity.ts), never her openid.
 */
import type { CreditRepository } from '../../ports/store.port'
import { getDoc } from './cloudbase-db'
import { readAll } from './pager'
import type { Scope } from './scope.cloudbase'
import type { IdentitySeal } from '../sealed-identity'

export const CREDITS = 'credits'

export const creditId = (personTag: string, templateId: string) => `${personTag}:${templateId}`

export function cloudbaseCredits(scope: Scope, seal: IdentitySeal): CreditRepository {
  const creditDoc = (openid: string, templateId: string, count: number) => ({ personTag: seal.person(openid), templateId, count })
  const id = (openid: string, templateId: string) => creditId(seal.person(openid), templateId)
  return {
    balance: async (openid) => {
      const docs = await readAll(scope.command, scope.query(CREDITS), { personTag: seal.person(openid) })
      return Object.fromEntries(docs.map((doc) => [String(doc.templateId), Number(doc.count)]))
    },
    grant: (openid, templateId, count) =>
      scope.atomically(async (doc) => {
        const current = await getDoc(doc(CREDITS), id(openid, templateId))
        await doc(CREDITS)
          .doc(id(openid, templateId))
          .set(creditDoc(openid, templateId, Number(current?.count ?? 0) + count))
      }),
    take: (openid, templateId) =>
      scope.atomically(async (doc) => {
        const current = await getDoc(doc(CREDITS), id(openid, templateId))
        const count = Number(current?.count ?? 0)
        if (count <= 0) return false
        await doc(CREDITS).doc(id(openid, templateId)).set(creditDoc(openid, templateId, count - 1))
        return true
      }),
    clear: (openid, templateId) =>
      scope.atomically(async (doc) => {
        if (await getDoc(doc(CREDITS), id(openid, templateId))) {
          await doc(CREDITS).doc(id(openid, templateId)).set(creditDoc(openid, templateId, 0))
        }
      }),
  }
}
