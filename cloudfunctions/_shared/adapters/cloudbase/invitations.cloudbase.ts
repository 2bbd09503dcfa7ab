/** Invitations on CloudBase: `invitations/_id = code`; `use` reads and writes in one transaction. */
import type { InvitationRecord, InvitationRepository } from '../../ports/store.port'
import { COLLECTION, readDoc, setDoc, withKey } from './cloudbase-db'
import { rewriteDoc, type Scope } from './scope.cloudbase'

const toInvitation = withKey<InvitationRecord>('code')

export function cloudbaseInvitations(scope: Scope): InvitationRepository {
  return {
    put: ({ code, ...fields }) => setDoc(scope.doc(COLLECTION.invitations), code, fields),
    get: (code) => readDoc(scope.doc(COLLECTION.invitations), code, toInvitation),
    use: (code, openid, at) =>
      rewriteDoc(scope, COLLECTION.invitations, code, (current) => (current && !current.usedBy ? { ...current, usedBy: openid, usedAt: at } : null)),
  }
}
