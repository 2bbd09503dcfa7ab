/**
 * Cases and their timelines on SQLite. The state is a JSON document; what queries filter on is a
 * column. The reporter is stored only tagged and sealed (sealed-identity.ts): `reporter_tag` finds her
 * cases, the documents hold her openid encrypted.
 */
import type Database from 'better-sqlite3'
import type { CaseStatus } from '../../../../types/enums'
import type { CaseEvent } from '../../domain/case.events'
import type { CaseState } from '../../domain/case.state'
import type { CaseFacet } from '../../domain/stats.drill'
import { VersionConflict, type CaseRepository, type SubtreeCursor, type SubmittedRange } from '../../ports/store.port'
import { caseIndexOf, drillIndexOf } from '../case.index'
import { marks, prepared } from './prepared'
import { openCase, openEvent, reporterTagOf, sealCase, sealEvent, type IdentitySeal } from '../sealed-identity'

type CaseRow = { id: string; version: number; state: string }
/** A chain row's facets (migration 15), in the order drillColumns gives them. */
type DrillRow = { status: string | null; category: string | null; resolved_level: string | null; late_open: number }
const DRILL_COLUMNS = ['status', 'category', 'resolved_level', 'late_open'] as const
type Drill = readonly [string, string, string | null, number]

/** A case's row, its index (case.index.ts) as columns, and the keys of its `case_orgs` rows. */
function rowOf(state: CaseState, seal: IdentitySeal) {
  const stored = sealCase(seal, state)
  // Her tag is in the sealed state already: not hashed twice.
  const tagged = { person: (openid: string) => (openid === state.reporter.openid ? reporterTagOf(seal, stored) : seal.person(openid)) }
  const { chainIds, submittedAt, ...indexed } = caseIndexOf(state, tagged)
  return { columns: { id: state.id, ...indexed, state: JSON.stringify(stored) }, chainIds, submittedAt }
}

/** The columns a case row holds, from its state (exported for the bench's bulk loader: identical rows). */
export const columns = (state: CaseState, seal: IdentitySeal) => rowOf(state, seal).columns

/**
 * A figure's cases, newest first: one statement per facet column, each a range of its index
 * (migration 15: (org_id, <column>, submitted_at, case_id)); the bare subtree uses the key itself.
 * `condition`: the facet's term; 超期未办结's is the literal the partial index holds (migration 20),
 * which a bound value could not prove to the planner. Exported for that migration's test of the plan.
 */
export const newestInSubtreeSql = (condition: string | null): string =>
  `SELECT cases.state FROM case_orgs JOIN cases ON cases.id = case_orgs.case_id
   WHERE case_orgs.org_id = ? ${condition ? `AND case_orgs.${condition}` : ''}
     AND case_orgs.submitted_at >= ? AND case_orgs.submitted_at < ?
     AND (case_orgs.submitted_at, case_orgs.case_id) < (?, ?)
   ORDER BY case_orgs.submitted_at DESC, case_orgs.case_id DESC LIMIT ?`

export function sqliteCases(db: Database.Database, seal: IdentitySeal): CaseRepository {
  const stmt = {
    get: db.prepare<[string], CaseRow>('SELECT id, version, state FROM cases WHERE id = ?'),
    timeline: db.prepare<[string], { event: string }>('SELECT event FROM case_events WHERE case_id = ? ORDER BY seq'),
    insert: db.prepare(
      `INSERT INTO cases (id, version, status, holder_org_id, reporter_tag, client_request_id, due_at, updated_at, state)
       VALUES (@id, 1, @status, @holderOrgId, @reporterTag, @clientRequestId, @dueAt, @updatedAt, @state)
       ON CONFLICT DO NOTHING`,
    ),
    byRequest: db.prepare<[string, string], { id: string }>(
      'SELECT id FROM cases WHERE reporter_tag = ? AND client_request_id = ?',
    ),
    update: db.prepare(
      `UPDATE cases SET version = version + 1, status = @status, holder_org_id = @holderOrgId, due_at = @dueAt,
         updated_at = @updatedAt, state = @state
       WHERE id = @id AND version = @expectedVersion`,
    ),
    lastSeq: db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM case_events WHERE case_id = ?'),
    appendEvent: db.prepare('INSERT INTO case_events (case_id, seq, type, at, event) VALUES (?, ?, ?, ?, ?)'),
    // From the start, the cursor is ('', ''): before any case.
    due: db.prepare<[string, string, string, number], { id: string; due_at: string }>(
      'SELECT id, due_at FROM cases WHERE due_at IS NOT NULL AND due_at <= ? AND (due_at, id) > (?, ?) ORDER BY due_at, id LIMIT ?',
    ),
    reportedBy: db.prepare<[string, number], { state: string }>(
      'SELECT state FROM cases WHERE reporter_tag = ? ORDER BY updated_at DESC LIMIT ?',
    ),
    indexChain: db.prepare(
      `INSERT OR IGNORE INTO case_orgs (org_id, submitted_at, case_id, status, category, resolved_level, late_open)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    unindexChain: db.prepare('DELETE FROM case_orgs WHERE org_id = ? AND submitted_at = ? AND case_id = ?'),
    // By the row's key: five point reads per change, no index on case_id needed.
    chainRow: db.prepare<[string, string, string], DrillRow>(
      'SELECT status, category, resolved_level, late_open FROM case_orgs WHERE org_id = ? AND submitted_at = ? AND case_id = ?',
    ),
    chainOf: db.prepare<[string], { chain: string | null }>(`SELECT json_extract(state, '$.chain') AS chain FROM cases WHERE id = ?`),
    // Open bounds are '' and a string above any instant, so one statement serves every filter.
    inSubtree: db.prepare<[string, string, string, string, string, number], { state: string }>(
      `SELECT cases.state FROM case_orgs JOIN cases ON cases.id = case_orgs.case_id
       WHERE case_orgs.org_id = ? AND case_orgs.submitted_at >= ? AND case_orgs.submitted_at < ?
         AND (case_orgs.submitted_at, case_orgs.case_id) > (?, ?)
       ORDER BY case_orgs.submitted_at, case_orgs.case_id LIMIT ?`,
    ),
  }

  const newest = (condition: string | null) => db.prepare<unknown[], { state: string }>(newestInSubtreeSql(condition))
  const newestBy = {
    all: newest(null),
    status: newest('status = ?'),
    category: newest('category = ?'),
    resolvedAt: newest('resolved_level = ?'),
    overdue: newest('late_open = 1'),
  }
  const facetQuery = (facet: CaseFacet | null): [Database.Statement<unknown[], { state: string }>, unknown[]] => {
    if (facet === null) return [newestBy.all, []]
    switch (facet.kind) {
      case 'status':
        return [newestBy.status, [facet.status]]
      case 'category':
        return [newestBy.category, [facet.category]]
      case 'resolvedAt':
        return [newestBy.resolvedAt, [facet.level]]
      case 'overdue':
        return [newestBy.overdue, []]
    }
  }
  const drillColumns = (state: CaseState) => {
    const drill = drillIndexOf(state)
    return [state.status, drill.category, drill.resolvedLevel, drill.lateOpen ? 1 : 0] as const
  }
  // SQLite rewrites the entry of every index on a column an UPDATE sets, changed or not: setting all
  // four facets rewrote four index entries per chain row (five rows a change) where most changes move
  // one facet (an escalation only 超期未办结, an acceptance only the status). So a row is compared with
  // what it holds and only the facets that differ are set, by one statement per set of them.
  const reindexBy = new Map<number, Database.Statement>()
  const reindex = (mask: number) => {
    let statement = reindexBy.get(mask)
    if (!statement) {
      const set = DRILL_COLUMNS.filter((_, i) => mask & (1 << i)).map((column) => `${column} = ?`)
      statement = db.prepare(`UPDATE case_orgs SET ${set.join(', ')} WHERE org_id = ? AND submitted_at = ? AND case_id = ?`)
      reindexBy.set(mask, statement)
    }
    return statement
  }
  const changedMask = (held: readonly unknown[], drill: Drill) => {
    let mask = 0
    drill.forEach((value, i) => {
      if (held[i] !== value) mask |= 1 << i
    })
    return mask
  }
  /** `held`: what the row holds, when known; else it is read. */
  const reindexChain = (orgId: string, submittedAt: string, caseId: string, drill: Drill, held?: Drill) => {
    let mask: number
    if (held) mask = changedMask(held, drill)
    else {
      const row = stmt.chainRow.get(orgId, submittedAt, caseId)
      if (!row) return
      mask = changedMask([row.status, row.category, row.resolved_level, row.late_open], drill)
    }
    if (mask) reindex(mask).run(...drill.filter((_, i) => mask & (1 << i)), orgId, submittedAt, caseId)
  }
  // The facets of the case last read, by id and version. A case's chain rows are written with its row
  // in every transaction that writes it, and each version of a case is written once (update's version
  // check), so the rows of a case at a version hold that version's facets, whoever wrote it: an update
  // from the version last read knows what its rows hold without reading them (five point reads).
  let lastRead: { id: string; version: number; drill: Drill } | undefined

  const append = (state: CaseState, events: CaseEvent[]) => {
    let seq = stmt.lastSeq.get(state.id)?.seq ?? 0
    for (const event of events) {
      stmt.appendEvent.run(state.id, ++seq, event.type, event.at, JSON.stringify(sealEvent(seal, event, state.reporter.openid)))
    }
  }
  const toState = (row: { state: string }) => openCase(seal, JSON.parse(row.state) as Record<string, unknown>)

  return {
    get: async (id) => {
      const row = stmt.get.get(id)
      if (!row) return null
      const state = toState(row)
      lastRead = { id, version: row.version, drill: drillColumns(state) }
      return { state, version: row.version }
    },
    byRequest: async (openid, clientRequestId) => stmt.byRequest.get(seal.person(openid), clientRequestId)?.id ?? null,
    timeline: async (id) => stmt.timeline.all(id).map((row) => openEvent(seal, JSON.parse(row.event) as Record<string, unknown>)),
    create: async (state, events, clientRequestId) => {
      const { columns: row, chainIds, submittedAt } = rowOf(state, seal)
      const inserted = stmt.insert.run({ ...row, clientRequestId: clientRequestId ?? null }).changes === 1
      if (inserted) {
        append(state, events)
        for (const orgId of chainIds) stmt.indexChain.run(orgId, submittedAt, state.id, ...drillColumns(state))
        return { created: true, id: state.id }
      }
      const existing = clientRequestId ? stmt.byRequest.get(row.reporterTag, clientRequestId) : undefined
      return { created: false, id: existing?.id ?? state.id }
    },
    update: async (state, expectedVersion, events) => {
      // A 转办 may move the case to another village, and its chain with it: its subtree rows follow.
      const moved = events.some((e) => e.type === 'CaseTransferred') ? stmt.chainOf.get(state.id)?.chain : null
      const { columns: row, chainIds, submittedAt } = rowOf(state, seal)
      if (stmt.update.run({ ...row, expectedVersion }).changes !== 1) throw new VersionConflict(state.id)
      append(state, events)
      const drill = drillColumns(state)
      const held = lastRead?.id === state.id && lastRead.version === expectedVersion ? lastRead.drill : undefined
      let kept = chainIds
      if (moved) {
        const was = Object.values(JSON.parse(moved) as Record<string, string>)
        for (const orgId of was) if (!chainIds.includes(orgId)) stmt.unindexChain.run(orgId, submittedAt, state.id)
        for (const orgId of chainIds) if (!was.includes(orgId)) stmt.indexChain.run(orgId, submittedAt, state.id, ...drill)
        // The rows just inserted hold the new facets already.
        kept = chainIds.filter((orgId) => was.includes(orgId))
      }
      for (const orgId of kept) reindexChain(orgId, submittedAt, state.id, drill, held)
    },
    due: async (now, limit, after) =>
      stmt.due.all(now, after?.dueAt ?? '', after?.id ?? '', limit).map((row) => ({ id: row.id, dueAt: row.due_at })),
    heldBy: async (orgIds, statuses: CaseStatus[] | undefined, limit) => {
      if (orgIds.length === 0) return []
      const statusFilter = statuses?.length ? `AND status IN (${marks(statuses.length)})` : ''
      const rows = prepared(db, `SELECT state FROM cases WHERE holder_org_id IN (${marks(orgIds.length)}) ${statusFilter} ORDER BY updated_at DESC LIMIT ?`)
        .all(...orgIds, ...(statuses ?? []), limit) as { state: string }[]
      return rows.map(toState)
    },
    reportedBy: async (openid, limit) => stmt.reportedBy.all(seal.person(openid), limit).map(toState),
    inSubtree: async (orgId, limit, after?: SubtreeCursor, range?: SubmittedRange) =>
      stmt.inSubtree
        .all(orgId, range?.from ?? '', range?.to ?? '\uffff', after?.submittedAt ?? '', after?.id ?? '', limit)
        .map(toState),
    newestInSubtree: async (orgId, facet, limit, before, range) => {
      const [statement, values] = facetQuery(facet)
      return statement
        .all(orgId, ...values, range?.from ?? '', range?.to ?? '\uffff', before?.submittedAt ?? '\uffff', before?.id ?? '', limit)
        .map(toState)
    },
  }
}
