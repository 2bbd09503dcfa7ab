/** Invitations on CloudBase: `invitations/_id = code`; `use` reads and writes in one transaction. */
import type { InvitationRecord, InvitationRepository } from '../../ports/store.port'
import { getDoc, type Doc } from './cloudbase-db'
import type { Scope } from './scope.cloudbase'

export const INVITATIONS = 'invitations'

const toInvitation = (doc: Doc): InvitationRecord => {
  const { _id, ...rest } = doc
  return { ...(rest as Omit<InvitationRecord, 'code'>), code: String(_id) }
}

export function cloudbaseInvitations(scope: Scope): InvitationRepository {
  return {
    put: async ({ code, ...fields }) => {
      await scope.doc(INVITATIONS).doc(code).set(fields)
    },
    get: async (code) => {
      const doc = await getDoc(scope.doc(INVITATIONS), code)
      return doc ? toInvitation(doc) : null
    },
    use: (code, openid, at) =>
      scope.atomically(async (doc) => {
        const current = await getDoc(doc(INVITATIONS), code)
        if (!current || current.usedBy) return false
        const { _id, ...fields } = current
        await doc(INVITATIONS).doc(code).set({ ...fields, usedBy: openid, usedAt: at })
        return true
      }),
  }
}
