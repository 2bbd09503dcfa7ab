/** Council group chats on SQLite: keyed by the group's openGId. */
import type Database from 'better-sqlite3'
import type { CouncilGroupRecord, CouncilGroupRepository } from '../../ports/store.port'
import { docOf, docsOf } from './json-doc'

export function sqliteCouncilGroups(db: Database.Database): CouncilGroupRepository {
  const stmt = {
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM council_groups WHERE open_gid = ?'),
    put: db.prepare(
      `INSERT INTO council_groups (open_gid, org_id, doc) VALUES (?, ?, ?)
       ON CONFLICT(open_gid) DO UPDATE SET org_id = excluded.org_id, doc = excluded.doc`,
    ),
    ofOrg: db.prepare<[string], { doc: string }>('SELECT doc FROM council_groups WHERE org_id = ? ORDER BY open_gid'),
  }
  return {
    get: async (openGId) => docOf<CouncilGroupRecord>(stmt.get.get(openGId)),
    put: async (group) => {
      stmt.put.run(group.openGId, group.orgId, JSON.stringify(group))
    },
    ofOrg: async (orgId) => docsOf<CouncilGroupRecord>(stmt.ofOrg.all(orgId)),
  }
}
