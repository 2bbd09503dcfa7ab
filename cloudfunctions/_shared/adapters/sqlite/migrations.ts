/**
 * Versioned schema. A migration is appended, never edited: a database on a phone-less village
 * laptop may be years old. `PRAGMA user_version` records the last one applied.
 */
export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'org tree, people, meta',
    sql: `
      CREATE TABLE orgs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        level TEXT NOT NULL,
        parent_id TEXT REFERENCES orgs(id)
      );
      CREATE INDEX orgs_by_parent ON orgs(parent_id, id);

      CREATE TABLE users (
        openid TEXT PRIMARY KEY,
        name TEXT,
        home_org_id TEXT
      );

      CREATE TABLE memberships (
        openid TEXT NOT NULL,
        role TEXT NOT NULL,
        org_id TEXT NOT NULL,
        PRIMARY KEY (openid, role, org_id)
      );
      CREATE INDEX memberships_by_org ON memberships(org_id, role);

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
]
