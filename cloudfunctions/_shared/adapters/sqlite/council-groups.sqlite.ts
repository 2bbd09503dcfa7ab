/** Council group chats on SQLite: keyed by the group's openGId. */
import type Database from 'better-sqlite3'
import type { CouncilGroupRecord, CouncilGroupRepository } from '../../ports/store.port'

export function sqliteCouncilGroups(db: Database.Database): CouncilGroupRepository {
  const stmt = {
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM council_groups WHERE open_gid = ?'),
    put: db.prepare(
      `INSERT INTO council_groups (open_gid, org_id, doc) VALUES (?, ?, ?)
       ON CONFLICT(open_gid) DO UPDATE SET org_id = excluded.org_id, doc = excluded.doc`,
    ),
    ofOrg: db.prepare<[string], { doc: string }>('SELECT doc FROM council_groups WHERE org_id = ? ORDER BY open_gid'),
  }
  const parse = (row: { doc: string }) => JSON.parse(row.doc) as CouncilGroupRecord
  return {
    get: async (openGId) => {
      const row = stmt.get.get(openGId)
      return row ? parse(row) : null
    },
    put: async (group) => {
      stmt.put.run(group.openGId, group.orgId, JSON.stringify(group))
    },
    ofOrg: async (orgId) => stmt.ofOrg.all(orgId).map(parse),
  }
}
