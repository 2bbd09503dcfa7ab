/**
 * Versioned schema. A migration is appended, never edited: a database on a phone-less village
 * laptop may be years old. `PRAGMA user_version` records the last one applied.
 */
import type Database from 'better-sqlite3'
import type { CaseEvent } from '../../domain/case.events'
import type { CaseState } from '../../domain/case.state'
import type { MessageRecord } from '../../ports/store.port'
import { openMessage, reporterTagOf, sealCase, sealEvent, sealMessage, type IdentitySeal } from '../sealed-identity'
import { drillIndexOf } from '../case.index'
import { storedDedupeKey } from './message-dedupe'

export interface Migration {
  version: number
  name: string
  sql: string
  /**
   * Rows SQL cannot rewrite (they need the cipher), run after `sql` in the same transaction. The
   * database runs with secure_delete on meanwhile and is checkpointed after, so what it overwrote
   * leaves no copy in free pages or the WAL.
   */
  rewrite?: (db: Database.Database, seal: IdentitySeal) => void
}

type Json = Record<string, unknown>

/** Migration 10: every stored openid of a reporter or a message recipient sealed; addresses encrypted. */
function sealIdentities(db: Database.Database, seal: IdentitySeal): void {
  const cases = db.prepare<[], { id: string; state: string }>('SELECT id, state FROM cases').all()
  const events = db.prepare<[string], { seq: number; event: string }>('SELECT seq, event FROM case_events WHERE case_id = ?')
  const putCase = db.prepare('UPDATE cases SET reporter_tag = ?, state = ? WHERE id = ?')
  const putEvent = db.prepare('UPDATE case_events SET event = ? WHERE case_id = ? AND seq = ?')
  for (const row of cases) {
    const state = JSON.parse(row.state) as Json
    const reporter = state.reporter as { openid?: string }
    if (typeof reporter.openid !== 'string') continue // already sealed
    putCase.run(reporterTagOf(seal, state), JSON.stringify(sealCase(seal, state as unknown as CaseState)), row.id)
    for (const e of events.all(row.id)) {
      const event = JSON.parse(e.event) as CaseEvent
      putEvent.run(JSON.stringify(sealEvent(seal, event, reporter.openid)), row.id, e.seq)
    }
  }

  const putMessage = db.prepare('UPDATE messages SET dedupe_key = ?, recipient_tag = ?, doc = ? WHERE id = ?')
  for (const row of db.prepare<[], { id: string; doc: string }>('SELECT id, doc FROM messages').all()) {
    const message = JSON.parse(row.doc) as MessageRecord & { sealed?: string }
    if (message.sealed !== undefined) continue
    putMessage.run(seal.messageKey(message.dedupeKey), seal.person(message.openid), JSON.stringify(sealMessage(seal, message)), row.id)
  }

  const retag = db.prepare('UPDATE credits SET person_tag = ? WHERE person_tag = ?')
  for (const { person_tag: openid } of db.prepare<[], { person_tag: string }>('SELECT DISTINCT person_tag FROM credits').all()) {
    if (!openid.startsWith('t1.')) retag.run(seal.person(openid), openid)
  }

  const putContact = db.prepare('UPDATE contacts SET doc = ? WHERE case_id = ?')
  for (const row of db.prepare<[], { case_id: string; doc: string }>('SELECT case_id, doc FROM contacts').all()) {
    const { address, ...contact } = JSON.parse(row.doc) as Json
    if (typeof address === 'string') putContact.run(JSON.stringify({ ...contact, addressCipher: seal.seal(address) }), row.case_id)
  }

  // A named reporter's own acts were logged with her openid; the log never showed it (only staff are
  // named), and now never stores it.
  const putAudit = db.prepare('UPDATE audit SET doc = ? WHERE id = ?')
  for (const row of db.prepare<[], { id: string; doc: string }>('SELECT id, doc FROM audit').all()) {
    const entry = JSON.parse(row.doc) as Json
    if (entry.actorRole === 'resident' && entry.actorOpenid) putAudit.run(JSON.stringify({ ...entry, actorOpenid: null }), row.id)
  }
}

/** Migration 14: each case's subtree rows carry what a dashboard figure picks it by (case.index.ts drillIndexOf). */
function indexDrillFacets(db: Database.Database): void {
  const put = db.prepare(
    'UPDATE case_orgs SET status = ?, category = ?, resolved_level = ?, late_open = ? WHERE org_id = ? AND submitted_at = ? AND case_id = ?',
  )
  for (const row of db.prepare<[], { id: string; status: string; state: string }>('SELECT id, status, state FROM cases').all()) {
    const state = JSON.parse(row.state) as CaseState
    const drill = drillIndexOf(state)
    for (const orgId of Object.values(state.chain)) {
      put.run(row.status, drill.category, drill.resolvedLevel, drill.lateOpen ? 1 : 0, orgId, state.submittedAt, row.id)
    }
  }
}

/**
 * Migration 19: every message's dedupe guard in the form message-dedupe.ts writes, so a key stored
 * before it and added again after it still collides. The key is read back from the sealed row.
 */
function leadDedupeKeys(db: Database.Database, seal: IdentitySeal): void {
  const put = db.prepare('UPDATE messages SET dedupe_key = ? WHERE id = ?')
  // By pages of ids: a province's millions of rows never in memory at once (and no statement may run
  // on the connection while another is being iterated).
  const page = db.prepare<[string], { id: string; dedupe_key: string; doc: string }>(
    'SELECT id, dedupe_key, doc FROM messages WHERE id > ? ORDER BY id LIMIT 1000',
  )
  for (let rows = page.all(''); rows.length > 0; rows = page.all(rows.at(-1)!.id)) {
    for (const row of rows) {
      const stored = storedDedupeKey(seal, openMessage(seal, JSON.parse(row.doc) as Json).dedupeKey)
      if (stored !== row.dedupe_key) put.run(stored, row.id)
    }
  }
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
  {
    version: 2,
    name: 'cases with their timeline; messages (outbox and message centre)',
    sql: `
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        holder_org_id TEXT NOT NULL,
        reporter_openid TEXT NOT NULL,
        client_request_id TEXT,
        -- The next instant a timer must act (domain nextDue); NULL when none ever will.
        due_at TEXT,
        updated_at TEXT NOT NULL,
        state TEXT NOT NULL
      );
      -- Only open or resolved cases have a due instant, so this is the (status, next deadline) index
      -- the sweep pages through, without the closed millions.
      CREATE INDEX cases_due ON cases(due_at, id) WHERE due_at IS NOT NULL;
      CREATE INDEX cases_by_holder ON cases(holder_org_id, status, updated_at);
      CREATE INDEX cases_by_reporter ON cases(reporter_openid, updated_at);
      CREATE UNIQUE INDEX cases_by_request ON cases(reporter_openid, client_request_id)
        WHERE client_request_id IS NOT NULL;

      CREATE TABLE case_events (
        case_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        event TEXT NOT NULL,
        PRIMARY KEY (case_id, seq)
      );

      CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        dedupe_key TEXT NOT NULL UNIQUE,
        openid TEXT NOT NULL,
        status TEXT NOT NULL,
        next_attempt_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX messages_pending ON messages(next_attempt_at, id) WHERE status = 'pending';
      CREATE INDEX messages_by_recipient ON messages(openid, created_at);
    `,
  },
  {
    version: 3,
    name: 'reporter contact details, apart from the case (purgeable)',
    sql: `
      CREATE TABLE contacts (
        case_id TEXT PRIMARY KEY,
        doc TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'subscription credits; delivery claims (sending) are due again when their lease ends',
    sql: `
      CREATE TABLE credits (
        openid TEXT NOT NULL,
        template_id TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (openid, template_id)
      );
      DROP INDEX messages_pending;
      CREATE INDEX messages_due ON messages(next_attempt_at, id) WHERE status IN ('pending', 'sending');
    `,
  },
  {
    version: 5,
    name: 'deliberations with their ballots, comments and bound group chats',
    sql: `
      CREATE TABLE deliberations (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        org_id TEXT NOT NULL,
        status TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        closes_at TEXT NOT NULL,
        -- The reminder instant while one is still owed (open, not reminded); NULL otherwise.
        remind_due_at TEXT,
        case_id TEXT,
        state TEXT NOT NULL
      );
      CREATE INDEX deliberations_by_org ON deliberations(org_id, status, opened_at);
      -- Only open ones: the close job pages through these without the closed millions.
      CREATE INDEX deliberations_to_close ON deliberations(closes_at, id) WHERE status = 'open';
      CREATE INDEX deliberations_to_remind ON deliberations(remind_due_at, id) WHERE remind_due_at IS NOT NULL;

      -- The primary key is the one-ballot-per-member rule.
      CREATE TABLE ballots (
        deliberation_id TEXT NOT NULL,
        voter_openid TEXT NOT NULL,
        doc TEXT NOT NULL,
        PRIMARY KEY (deliberation_id, voter_openid)
      ) WITHOUT ROWID;

      CREATE TABLE deliberation_comments (
        id TEXT PRIMARY KEY,
        deliberation_id TEXT NOT NULL,
        at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX deliberation_comments_by_deliberation ON deliberation_comments(deliberation_id, at, id);

      CREATE TABLE council_groups (
        open_gid TEXT PRIMARY KEY,
        org_id TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX council_groups_by_org ON council_groups(org_id, open_gid);
    `,
  },
  {
    version: 6,
    name: 'statistics counters per org; cases indexed by every org on their chain (subtree export)',
    sql: `
      CREATE TABLE counters (
        org_id TEXT NOT NULL,
        key TEXT NOT NULL,
        value INTEGER NOT NULL,
        PRIMARY KEY (org_id, key)
      ) WITHOUT ROWID;

      -- Five rows per case, written once at creation (a chain never changes): a subtree's cases by
      -- submission time are one range of this key, whatever the level of the org.
      CREATE TABLE case_orgs (
        org_id TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        case_id TEXT NOT NULL,
        PRIMARY KEY (org_id, submitted_at, case_id)
      ) WITHOUT ROWID;
      INSERT INTO case_orgs (org_id, submitted_at, case_id)
        SELECT json_extract(cases.state, '$.chain.' || levels.level), json_extract(cases.state, '$.submittedAt'), cases.id
        FROM cases, (SELECT 'village' AS level UNION ALL SELECT 'township' UNION ALL SELECT 'county'
                     UNION ALL SELECT 'city' UNION ALL SELECT 'province') AS levels;
      -- Counters of cases stored before this version are not rebuilt here (that takes the domain's
      -- rules): domain/stats.scan.ts recomputes them from the timelines if such data must be kept.
    `,
  },
  {
    version: 7,
    name: 'invitations to a role at an org',
    sql: `
      CREATE TABLE invitations (
        code TEXT PRIMARY KEY,
        used_by TEXT,
        doc TEXT NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: 'contact retention; the audit log',
    sql: `
      ALTER TABLE contacts ADD COLUMN purge_after TEXT;
      CREATE INDEX contacts_purge ON contacts(purge_after) WHERE purge_after IS NOT NULL;

      CREATE TABLE audit (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        -- '/province/city/…/org/': a subtree is a key range.
        path_key TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX audit_by_path ON audit(path_key, at);
    `,
  },
  {
    version: 9,
    name: 'content checks of case photos (trace id → case, photo; the verdict)',
    sql: `
      CREATE TABLE media_checks (
        trace_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        settled INTEGER NOT NULL DEFAULT 0,
        doc TEXT NOT NULL
      );
      CREATE INDEX media_checks_by_case ON media_checks(case_id, trace_id);
    `,
  },
  {
    version: 10,
    name: 'a reporter unlinkable at rest: openids tagged and sealed (cases, events, messages, credits), addresses encrypted',
    sql: `
      ALTER TABLE cases RENAME COLUMN reporter_openid TO reporter_tag;
      ALTER TABLE messages RENAME COLUMN openid TO recipient_tag;
      ALTER TABLE credits RENAME COLUMN openid TO person_tag;
    `,
    rewrite: sealIdentities,
  },
  {
    version: 11,
    name: 'the write limit, counted per window across hosts (key: a keyed tag of person and function)',
    sql: `
      CREATE TABLE write_counts (
        window_start TEXT NOT NULL,
        key TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (window_start, key)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 12,
    name: 'the number a person chose to show her council (a convener\'s, one tap to call on 首页)',
    sql: `
      ALTER TABLE users ADD COLUMN public_phone TEXT;
    `,
  },
  {
    version: 13,
    name: 'counters per org and period (monthly scorecard, daily report counts); early-warning alerts',
    sql: `
      -- period: a China-time month (2026-11) or day (2026-11-30). Periods before this version hold
      -- nothing: the scorecard reads those months as zeros.
      CREATE TABLE period_counters (
        org_id TEXT NOT NULL,
        period TEXT NOT NULL,
        key TEXT NOT NULL,
        value INTEGER NOT NULL,
        PRIMARY KEY (org_id, period, key)
      ) WITHOUT ROWID;

      -- One row per slot (rule:org:category); path_key as the audit log's (a subtree is a key range).
      CREATE TABLE hotspots (
        slot TEXT PRIMARY KEY,
        path_key TEXT NOT NULL,
        live_until TEXT NOT NULL,
        raised_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX hotspots_by_path ON hotspots(path_key, live_until);
    `,
  },
  {
    version: 14,
    name: 'standard answers (知识库) kept by cities and the province',
    sql: `
      CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL,
        retired INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX answers_by_org ON answers(org_id, retired, updated_at, id);
    `,
  },
  {
    version: 15,
    name: 'a subtree\'s cases behind each dashboard figure: status, category, resolution level, 超期未办结 on the chain rows',
    sql: `
      -- Rewritten with every change of the case (its chain rows, by their key), so a page of one
      -- figure's cases is one range of one index: (org, value, submission time), newest first.
      ALTER TABLE case_orgs ADD COLUMN status TEXT;
      ALTER TABLE case_orgs ADD COLUMN category TEXT;
      ALTER TABLE case_orgs ADD COLUMN resolved_level TEXT;
      ALTER TABLE case_orgs ADD COLUMN late_open INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX case_orgs_by_status ON case_orgs(org_id, status, submitted_at, case_id);
      CREATE INDEX case_orgs_by_category ON case_orgs(org_id, category, submitted_at, case_id);
      CREATE INDEX case_orgs_by_resolved_level ON case_orgs(org_id, resolved_level, submitted_at, case_id);
      CREATE INDEX case_orgs_by_late_open ON case_orgs(org_id, late_open, submitted_at, case_id);
    `,
    rewrite: indexDrillFacets,
  },
  {
    version: 16,
    name: 'announcements (公告) and each person’s unread mark',
    sql: `
      CREATE TABLE announcements (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL,
        retired INTEGER NOT NULL DEFAULT 0,
        pinned INTEGER NOT NULL DEFAULT 0,
        published_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX announcements_live ON announcements(org_id, retired, pinned, published_at, id);

      -- The person is her tag (sealed-identity.ts), never her openid.
      CREATE TABLE feed_marks (
        person_tag TEXT PRIMARY KEY,
        seen_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 17,
    name: 'who follows a case (我也遇到), under each person’s tag',
    sql: `
      -- The person is her tag (sealed-identity.ts) and a sealed copy to reach her, never her openid.
      CREATE TABLE case_supporters (
        case_id TEXT NOT NULL,
        person_tag TEXT NOT NULL,
        sealed TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (case_id, person_tag)
      ) WITHOUT ROWID;
      CREATE INDEX case_supporters_by_case ON case_supporters(case_id, at);
      CREATE INDEX case_supporters_by_person ON case_supporters(person_tag, at);
    `,
  },
  {
    version: 18,
    name: 'surveys (调研): answers under the person’s tag, counters per org',
    sql: `
      CREATE TABLE surveys (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX surveys_of_org ON surveys(org_id, opened_at, id);

      -- The person is her tag (sealed-identity.ts), never her openid. free_key: set only when some
      -- free question has her words (the free answers' page, newest first).
      CREATE TABLE survey_answers (
        survey_id TEXT NOT NULL,
        person_tag TEXT NOT NULL,
        free_key TEXT,
        doc TEXT NOT NULL,
        PRIMARY KEY (survey_id, person_tag)
      ) WITHOUT ROWID;
      CREATE INDEX survey_free_answers ON survey_answers(survey_id, free_key) WHERE free_key IS NOT NULL;

      CREATE TABLE survey_counters (
        survey_id TEXT NOT NULL,
        org_id TEXT NOT NULL,
        key TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (survey_id, org_id, key)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 19,
    name: 'a message’s dedupe guard led by the case or deliberation id its key starts with',
    sql: '-- rows only (leadDedupeKeys)',
    rewrite: leadDedupeKeys,
  },
  {
    version: 20,
    name: '超期未办结 indexed only where it holds',
    sql: `
      -- The drill-down asks only for late_open = 1 (cases.sqlite.ts, facet 'overdue'), and most cases
      -- are never late: indexing every chain row moved five entries from one half of the index to the
      -- other at each escalation (3.9 WAL pages of its ~19, docs/benchmarks.md); indexed where it holds,
      -- an escalation only adds them, and the index is the size of what is late now.
      DROP INDEX IF EXISTS case_orgs_by_late_open;
      CREATE INDEX IF NOT EXISTS case_orgs_late ON case_orgs(org_id, submitted_at, case_id) WHERE late_open = 1;
    `,
  },
  {
    version: 21,
    name: 'deliberations found by their next due instant alone (the reminder, then the close)',
    sql: `
      -- Rebuilt (SQLite's way to drop columns and their indexes at once) with due_at from the state:
      -- domain/deliberation.timers.ts nextDeliberationDue — while open, an owed reminder before the
      -- deadline, else the deadline; NULL once closed. Instants written by toISOString() compare as strings.
      CREATE TABLE deliberations_v21 (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        org_id TEXT NOT NULL,
        status TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        due_at TEXT,
        case_id TEXT,
        state TEXT NOT NULL
      );
      INSERT INTO deliberations_v21 (id, version, org_id, status, opened_at, due_at, case_id, state)
        SELECT id, version, org_id, status, opened_at,
          CASE
            WHEN json_extract(state, '$.status') <> 'open' THEN NULL
            WHEN json_extract(state, '$.remindedAt') IS NULL
              AND json_extract(state, '$.remindAt') < json_extract(state, '$.closesAt') THEN json_extract(state, '$.remindAt')
            ELSE json_extract(state, '$.closesAt')
          END,
          case_id, state
        FROM deliberations;
      DROP TABLE deliberations;
      ALTER TABLE deliberations_v21 RENAME TO deliberations;
      CREATE INDEX deliberations_by_org ON deliberations(org_id, status, opened_at);
      -- Only open ones: the due job pages through these without the closed millions.
      CREATE INDEX deliberations_due ON deliberations(due_at, id) WHERE due_at IS NOT NULL;
    `,
  },
]
