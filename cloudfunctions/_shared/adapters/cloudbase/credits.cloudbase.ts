/**
 * Subscription credits on CloudBase: `credits/_id = <openid>:<templateId>` with a count. Spending is
 * read-check-write inside a transaction, so two deliveries never spend the same credit.
 */
import type { CreditRepository } from '../../ports/store.port'
import { getDoc, readAll } from './cloudbase-db'
import type { Scope } from './scope.cloudbase'

export const CREDITS = 'credits'

const creditId = (openid: string, templateId: string) => `${openid}:${templateId}`

export function cloudbaseCredits(scope: Scope): CreditRepository {
  return {
    balance: async (openid) => {
      const docs = await readAll(scope.query(CREDITS).where({ openid }))
      return Object.fromEntries(docs.map((doc) => [String(doc.templateId), Number(doc.count)]))
    },
    grant: (openid, templateId, count) =>
      scope.atomically(async (doc) => {
        const current = await getDoc(doc(CREDITS), creditId(openid, templateId))
        await doc(CREDITS)
          .doc(creditId(openid, templateId))
          .set({ openid, templateId, count: Number(current?.count ?? 0) + count })
      }),
    take: (openid, templateId) =>
      scope.atomically(async (doc) => {
        const current = await getDoc(doc(CREDITS), creditId(openid, templateId))
        const count = Number(current?.count ?? 0)
        if (count <= 0) return false
        await doc(CREDITS).doc(creditId(openid, templateId)).set({ openid, templateId, count: count - 1 })
        return true
      }),
    clear: (openid, templateId) =>
      scope.atomically(async (doc) => {
        if (await getDoc(doc(CREDITS), creditId(openid, templateId))) {
          await doc(CREDITS).doc(creditId(openid, templateId)).set({ openid, templateId, count: 0 })
        }
      }),
  }
}
