/** The Store port on SQLite (better-sqlite3): the embedded default for the local host and tests. */
import { AsyncLocalStorage } from 'node:async_hooks'
import Database from 'better-sqlite3'
import type { Level, Role } from '../../../../types/enums'
import type {
  MembershipRecord,
  OrgRecord,
  Repositories,
  Store,
  UserRecord,
} from '../../ports/store.port'
import { MIGRATIONS } from './migrations'
import { SqliteLock } from './sqlite-lock'
import { marks, prepared } from './prepared'
import { GROUP_COMMIT_DEFAULTS, groupCommit, type GroupCommitOptions } from './group-commit'
import { sqliteCases } from './cases.sqlite'
import { sqliteMessages } from './messages.sqlite'
import { sqliteContacts } from './contacts.sqlite'
import { sqliteCredits } from './credits.sqlite'
import { sqliteCounters } from './counters.sqlite'
import { sqliteDeliberations } from './deliberations.sqlite'
import { sqliteBallots } from './ballots.sqlite'
import { sqliteComments } from './comments.sqlite'
import { sqliteCouncilGroups } from './council-groups.sqlite'
import { sqliteInvitations } from './invitations.sqlite'
import { sqliteAudit } from './audit.sqlite'
import { sqliteMediaChecks } from './media-checks.sqlite'
import { sqliteWriteCounts } from './write-counts.sqlite'
import { sqliteHotspots } from './hotspots.sqlite'
import { sqliteAnswers } from './answers.sqlite'
import { sqliteAnnouncements, sqliteFeedMarks } from './announcements.sqlite'
import { sqliteSurveyAnswers, sqliteSurveyCounters, sqliteSurveys } from './surveys.sqlite'
import { sqliteSupporters } from './supporters.sqlite'
import type { Cipher } from '../../ports/cipher.port'
import { identitySeal, type IdentitySeal } from '../sealed-identity'

type Db = Database.Database

export function migrate(db: Db, seal: IdentitySeal): void {
  const current = db.pragma('user_version', { simple: true }) as number
  // In version order whatever the array order: migrations are appended by more than one hand.
  const pending = [...MIGRATIONS].sort((a, b) => a.version - b.version).filter((m) => m.version > current)
  const rewrites = pending.some((m) => m.rewrite)
  // A rewrite replaces personal data: zero what it frees, so no old copy stays in the file.
  if (rewrites) db.pragma('secure_delete = ON')
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql)
      migration.rewrite?.(db, seal)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
  if (rewrites) {
    // …nor in the WAL: its frames of the old pages are written back and the log emptied.
    if (db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('wal_checkpoint(TRUNCATE)')
    db.pragma('secure_delete = OFF')
  }
}

/** Rows as the tables hold them. */
type OrgRow = { id: string; name: string; level: string; parent_id: string | null }
type UserRow = { openid: string; name: string | null; home_org_id: string | null; public_phone: string | null }
type MembershipRow = { openid: string; role: string; org_id: string }

/** Ids bound in one `IN (…)`, well under SQLite's parameter limit. */
const IN_SLICE = 500

const toOrg = (row: OrgRow): OrgRecord => ({
  id: row.id,
  name: row.name,
  level: row.level as Level,
  parentId: row.parent_id,
})

/** Repositories that run straight on the connection: the caller holds the lock. */
function repositories(db: Db, seal: IdentitySeal): Repositories {
  const stmt = {
    org: db.prepare<[string], OrgRow>('SELECT * FROM orgs WHERE id = ?'),
    // IS: the roots (a null parent) by the same statement and index.
    children: db.prepare<[string | null], OrgRow>('SELECT * FROM orgs WHERE parent_id IS ? ORDER BY id'),
    allOrgs: db.prepare<[], OrgRow>('SELECT * FROM orgs ORDER BY id'),
    putOrg: db.prepare(
      `INSERT INTO orgs (id, name, level, parent_id) VALUES (@id, @name, @level, @parentId)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, level = excluded.level, parent_id = excluded.parent_id`,
    ),
    user: db.prepare<[string], UserRow>('SELECT * FROM users WHERE openid = ?'),
    putUser: db.prepare(
      `INSERT INTO users (openid, name, home_org_id, public_phone) VALUES (@openid, @name, @homeOrgId, @publicPhone)
       ON CONFLICT(openid) DO UPDATE SET name = excluded.name, home_org_id = excluded.home_org_id, public_phone = excluded.public_phone`,
    ),
    rolesOf: db.prepare<[string], MembershipRow>('SELECT * FROM memberships WHERE openid = ? ORDER BY org_id, role'),
    withRole: db.prepare<[string, string], MembershipRow>('SELECT * FROM memberships WHERE org_id = ? AND role = ? ORDER BY openid'),
    bind: db.prepare(
      'INSERT OR IGNORE INTO memberships (openid, role, org_id) VALUES (@openid, @role, @orgId)',
    ),
    unbind: db.prepare('DELETE FROM memberships WHERE openid = @openid AND role = @role AND org_id = @orgId'),
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
  }
  // A walk up by parentId: local reads cost next to nothing. The seen set stops a corrupt tree (a
  // parent loop) from walking forever.
  const pathOf = (id: string): OrgRecord[] => {
    const path: OrgRecord[] = []
    const seen = new Set<string>()
    for (let at: string | null = id; at !== null && !seen.has(at); ) {
      seen.add(at)
      const row = stmt.org.get(at)
      if (!row) break
      const org = toOrg(row)
      path.push(org)
      at = org.parentId
    }
    return path
  }
  const toMembership = (row: MembershipRow): MembershipRecord => ({
    openid: row.openid,
    role: row.role as Role,
    orgId: row.org_id,
  })

  return {
    cases: sqliteCases(db, seal),
    messages: sqliteMessages(db, seal),
    contacts: sqliteContacts(db),
    credits: sqliteCredits(db, seal),
    counters: sqliteCounters(db),
    deliberations: sqliteDeliberations(db),
    ballots: sqliteBallots(db),
    comments: sqliteComments(db),
    councilGroups: sqliteCouncilGroups(db),
    invitations: sqliteInvitations(db),
    audit: sqliteAudit(db),
    mediaChecks: sqliteMediaChecks(db),
    hotspots: sqliteHotspots(db),
    answers: sqliteAnswers(db),
    announcements: sqliteAnnouncements(db),
    feedMarks: sqliteFeedMarks(db, seal),
    surveys: sqliteSurveys(db),
    surveyAnswers: sqliteSurveyAnswers(db, seal),
    surveyCounters: sqliteSurveyCounters(db),
    supporters: sqliteSupporters(db, seal),
    orgs: {
      get: async (id) => {
        const row = stmt.org.get(id)
        return row ? toOrg(row) : null
      },
      many: async (ids) => {
        const unique = [...new Set(ids)]
        const found: OrgRecord[] = []
        // Slices: SQLite binds a bounded number of parameters.
        for (let i = 0; i < unique.length; i += IN_SLICE) {
          const slice = unique.slice(i, i + IN_SLICE)
          const rows = prepared(db, `SELECT * FROM orgs WHERE id IN (${marks(slice.length)})`).all(...slice) as OrgRow[]
          found.push(...rows.map(toOrg))
        }
        return found
      },
      path: async (id) => pathOf(id),
      children: async (parentId) => stmt.children.all(parentId).map(toOrg),
      family: async (id) => ({ path: pathOf(id), children: stmt.children.all(id).map(toOrg) }),
      withChildren: async (ids) => {
        if (ids.length === 0) return new Set()
        const rows = prepared(db, `SELECT DISTINCT parent_id AS id FROM orgs WHERE parent_id IN (${marks(ids.length)})`).all(...ids) as { id: string }[]
        return new Set(rows.map((row) => row.id))
      },
      all: async () => stmt.allOrgs.all().map(toOrg),
      put: async (org) => {
        stmt.putOrg.run(org)
      },
    },
    people: {
      // Kept under her tag (sealed-identity.ts): a resident's record (her village, remembered from her
      // first named report) must not name her at rest. Rows written before are read by openid.
      getUser: async (openid): Promise<UserRecord | null> => {
        const row = stmt.user.get(seal.person(openid)) ?? stmt.user.get(openid)
        return row ? { openid, name: row.name, homeOrgId: row.home_org_id, publicPhone: row.public_phone } : null
      },
      putUser: async (user) => {
        stmt.putUser.run({ ...user, openid: seal.person(user.openid) })
      },
      rolesOf: async (openid) => stmt.rolesOf.all(openid).map(toMembership),
      withRole: async (orgId, role) => stmt.withRole.all(orgId, role).map(toMembership),
      withRoles: async (orgId, roles) => roles.flatMap((role) => stmt.withRole.all(orgId, role).map(toMembership)),
      bind: async (membership) => stmt.bind.run(membership).changes === 1,
      unbind: async (membership) => stmt.unbind.run(membership).changes === 1,
    },
    meta: {
      get: async (key) => stmt.getMeta.get(key)?.value ?? null,
      set: async (key, value) => {
        stmt.setMeta.run(key, value)
      },
    },
  }
}

/** Wraps every method of every repository so it runs under the lock (for calls outside a transaction). */
function locked<T extends object>(repos: T, lock: Pick<SqliteLock, 'run'>): T {
  const wrap = (repo: object) =>
    Object.fromEntries(
      Object.entries(repo).map(([name, method]) => [
        name,
        (...args: unknown[]) => lock.run(() => (method as (...a: unknown[]) => unknown)(...args)),
      ]),
    )
  return Object.fromEntries(Object.entries(repos).map(([name, repo]) => [name, wrap(repo as object)])) as T
}

/**
 * Runs `fn` in a transaction of its own on the connection, or in a savepoint of the one open: all of
 * it commits (is released), or none.
 */
async function inTransaction<T>(db: Db, fn: () => Promise<T>, savepoint?: string): Promise<T> {
  db.exec(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN IMMEDIATE')
  try {
    const result = await fn()
    db.exec(savepoint ? `RELEASE ${savepoint}` : 'COMMIT')
    return result
  } catch (error) {
    if (db.inTransaction) db.exec(savepoint ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : 'ROLLBACK')
    throw error
  }
}

export interface SqliteStoreOptions {
  /**
   * Transactions waiting for the lock share one COMMIT (group-commit.ts); on by default. `false`
   * commits every transaction alone — only the bench uses it, to measure the difference.
   */
  groupCommit?: Partial<GroupCommitOptions> | false
}

/**
 * Opens (and migrates) the database at `file`; `:memory:` for a throwaway one. WAL keeps readers
 * and the writer apart; synchronous=NORMAL in WAL mode loses nothing when the process is killed.
 * `cipher` tags and seals the openids of reporters and message recipients (sealed-identity.ts): a
 * store opened without one serves everything else and refuses to store or read a person's identity.
 */
export function openSqliteStore(file: string, cipher?: Cipher, options: SqliteStoreOptions = {}): Store {
  const seal = identitySeal(cipher)
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // Measured at province scale (`npm run bench`, docs/benchmarks.md): savepoints (every counter write,
  // every batched transaction) journal in memory rather than in a temp file; the page cache holds a
  // province's hot index pages (64 MB, the default is 2 MB); the WAL is checkpointed, and synced, every
  // ~40 MB rather than every 4 MB.
  db.pragma('temp_store = MEMORY')
  db.pragma('cache_size = -65536')
  db.pragma('wal_autocheckpoint = 10000')
  migrate(db, seal)

  const lock = new SqliteLock()
  // Calls made inside a batch (store.batch) run in it: the batch already holds the lock. The scope
  // follows the batch's own async calls only, so anyone else still waits for the lock.
  const batchScope = new AsyncLocalStorage<symbol>()
  const batchToken = Symbol('batch')
  const inBatch = () => batchScope.getStore() === batchToken
  const guard = { run: <T>(fn: () => Promise<T> | T): Promise<T> => (inBatch() ? Promise.resolve().then(fn) : lock.run(fn)) }
  // A batch's transactions run one after another, each a savepoint of the batch's transaction.
  const savepointLock = new SqliteLock()
  let savepoints = 0
  const inside = repositories(db, seal)
  const grouped =
    options.groupCommit === false ? null : groupCommit(db, lock, { ...GROUP_COMMIT_DEFAULTS, ...options.groupCommit })

  return {
    // Under the lock, writeCounts too: on the one connection, a statement run while another request's
    // transaction is open would become part of it.
    ...locked({ ...inside, writeCounts: sqliteWriteCounts(db) }, guard),
    transaction: (fn) => {
      if (inBatch()) {
        return savepointLock.run(async () => {
          // SQLite ended the batch's transaction (an error that undoes it all): nothing may run outside it.
          if (!db.inTransaction) throw new Error('the batch was rolled back')
          return inTransaction(db, () => fn(inside), `batched_${++savepoints}`)
        })
      }
      return grouped ? grouped(() => fn(inside)) : lock.run(() => inTransaction(db, () => fn(inside)))
    },
    batch: (fn) => (inBatch() ? fn() : lock.run(() => batchScope.run(batchToken, () => inTransaction(db, fn)))),
    close: () =>
      lock.run(() => {
        db.close()
      }),
  }
}
