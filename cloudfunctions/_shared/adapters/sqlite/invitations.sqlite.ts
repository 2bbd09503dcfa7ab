/** Invitations on SQLite; `use` is one conditional update, so a code is used once even under a race. */
import type Database from 'better-sqlite3'
import type { InvitationRecord, InvitationRepository } from '../../ports/store.port'
import { docOf } from './json-doc'

export function sqliteInvitations(db: Database.Database): InvitationRepository {
  const stmt = {
    put: db.prepare('INSERT INTO invitations (code, used_by, doc) VALUES (@code, @usedBy, @doc) ON CONFLICT(code) DO UPDATE SET used_by = excluded.used_by, doc = excluded.doc'),
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM invitations WHERE code = ?'),
    use: db.prepare('UPDATE invitations SET used_by = ?, doc = json_set(doc, \'$.usedBy\', ?, \'$.usedAt\', ?) WHERE code = ? AND used_by IS NULL'),
  }
  return {
    put: async (invitation) => {
      stmt.put.run({ code: invitation.code, usedBy: invitation.usedBy ?? null, doc: JSON.stringify(invitation) })
    },
    get: async (code) => docOf<InvitationRecord>(stmt.get.get(code)),
    use: async (code, openid, at) => stmt.use.run(openid, openid, at, code).changes === 1,
  }
}
