/**
 * overview_ms and overview_vs_scan: the province's `stats.overview` through the real handler, in
 * process, on the big dataset (counters: one read for the province, one per child city), against a
 * full scan that computes the same figures from the cases themselves: every timeline in the province's
 * subtree read from SQLite (the state alone forgets arrivals, escalations and the ratings a reopening
 * dropped, so the scan reads what the state is the fold of) and folded in JS by domain/stats.scan.ts.
 * The two answers must be equal, figure by figure: the bench checks the counters while it times them.
 */
import Database from 'better-sqlite3'
import { statsFunction } from '../cloudfunctions/stats/stats.function'
import { handle } from '../cloudfunctions/_shared/handler/handle'
import type { FunctionDef } from '../cloudfunctions/_shared/handler/define-function'
import type { CaseEvent } from '../cloudfunctions/_shared/domain/case.events'
import { countersByOrg } from '../cloudfunctions/_shared/domain/stats.scan'
import { onTimeRateOf, resolutionsOf, statsFigures } from '../cloudfunctions/_shared/domain/stats.figures'
import type { Counters } from '../cloudfunctions/_shared/domain/stats.counters'
import type { StatsOverview } from '../types/stats.contract'
import type { Dataset } from './dataset'
import { benchDeps, figure, median, note, timed } from './support'

const stats = statsFunction as FunctionDef

/** The subtree's timelines, one case at a time, streamed (never all in memory). */
function* timelines(db: Database.Database, orgId: string): Generator<CaseEvent[]> {
  const rows = db
    .prepare(
      `SELECT e.case_id AS caseId, e.event AS event FROM case_orgs o JOIN case_events e ON e.case_id = o.case_id
       WHERE o.org_id = ? ORDER BY o.submitted_at, o.case_id, e.seq`,
    )
    .iterate(orgId) as IterableIterator<{ caseId: string; event: string }>
  let current: string | null = null
  let timeline: CaseEvent[] = []
  for (const row of rows) {
    if (row.caseId !== current) {
      if (timeline.length > 0) yield timeline
      current = row.caseId
      timeline = []
    }
    timeline.push(JSON.parse(row.event) as CaseEvent)
  }
  if (timeline.length > 0) yield timeline
}

/** The overview's figures from a full scan: the same shape as the handler's answer, minus asOf. */
function scanOverview(file: string, orgId: string, children: { id: string }[]) {
  const db = new Database(file, { readonly: true })
  try {
    const byOrg = countersByOrg(timelines(db, orgId))
    // Councils, members and deliberations are not case figures: the scan takes them as counted.
    const own = { ...(byOrg.get(orgId) ?? {}) } as Counters
    const onboarding = db.prepare<[string], { key: string; value: number }>(
      "SELECT key, value FROM counters WHERE org_id = ? AND key IN ('councils', 'members', 'deliberations')",
    )
    for (const row of onboarding.all(orgId)) own[row.key as 'councils'] = row.value
    return {
      ...statsFigures(own),
      children: children.map((child) => {
        const counters = (byOrg.get(child.id) ?? {}) as Counters
        return { total: counters.cases ?? 0, resolved: resolutionsOf(counters), onTimeRate: onTimeRateOf(counters) }
      }),
    }
  } finally {
    db.close()
  }
}

export async function overviewFigures(dataset: Dataset, rounds = 30): Promise<string[]> {
  const deps = benchDeps(dataset.file, dataset.now)
  const call = async () => {
    const reply = await handle(stats, { action: 'overview', orgId: dataset.province }, { kind: 'user', openid: dataset.provinceCadre }, deps)
    if (!reply.ok) throw new Error(`stats.overview: ${reply.error.code} ${reply.error.message}`)
    return reply.data as StatsOverview
  }
  let overview: StatsOverview
  const times: number[] = []
  try {
    overview = await call() // warm: statements prepared, code compiled
    for (let i = 0; i < rounds; i++) times.push((await timed(call)).ms)
  } finally {
    await deps.store.close()
  }
  const overviewMs = median(times)

  const scan = await timed(() => scanOverview(dataset.file, dataset.province, overview.children))
  note(`overview: median ${overviewMs.toFixed(2)} ms over ${rounds}; full scan ${(scan.ms / 1000).toFixed(1)} s`)

  // The counters must say what the cases say.
  const { org: _org, asOf: _asOf, children, ...figures } = overview
  const expected = JSON.stringify({
    ...figures,
    children: children.map((c) => ({ total: c.total, resolved: c.resolved, onTimeRate: c.onTimeRate })),
  })
  if (JSON.stringify(scan.value) !== expected) {
    throw new Error(`stats.overview differs from a full scan:\n overview ${expected}\n scan     ${JSON.stringify(scan.value)}`)
  }
  const db = new Database(dataset.file, { readonly: true })
  const stored = (db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n
  db.close()
  if (overview.cases.total !== stored) throw new Error(`overview counts ${overview.cases.total} cases, the file holds ${stored}`)

  return [figure('overview_ms', Number(overviewMs.toFixed(2)), 'ms'), figure('overview_vs_scan', Math.round(scan.ms / overviewMs), '×')]
}
