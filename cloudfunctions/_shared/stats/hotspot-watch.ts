/**
 * The early warning, run after each report is saved (intake.submit, domain/hotspot.rule.ts): read the
 * daily counts the rule asks for (~160 small sets, a handful of queries), run it, and keep what it
 * found — a new alert with its messages to the cadres of the org where it was found, in one
 * transaction, or fresher figures on the live one.
 *
 * Why here and not in a timer: the report that crosses a threshold is the moment to tell the cadres,
 * and a timer could only find candidates by scanning every org. Why after the report's own
 * transaction and not inside it: the reads are many and the report must not wait on, or fail with,
 * a warning. If the function dies between the two, the next report of that category there (or the
 * resend of this one) finds the same hotspot: the rule only grows within its window. Nothing here may
 * cost the report: every failure is logged and the report answered as received.
 */
import { CATEGORY_LABELS, type Level } from '../../../types/enums'
import type { CaseState } from '../domain/case.state'
import { chinaDay, dayStart } from '../domain/china-calendar'
import {
  findHotspots,
  hotspotReads,
  isLive,
  slotOf,
  stepAlert,
  type HotspotAlert,
  type HotspotFinding,
} from '../domain/hotspot.rule'
import { DEFAULT_STATS_POLICY, type HotspotPolicy } from '../domain/stats.config'
import type { Deps } from '../context/deps'
import type { Ids } from '../ports/ids.port'
import type { MessageRecord, Repositories, Store } from '../ports/store.port'

/** The reports one raise looks through to name the cases behind a new alert. */
const RECENT_PAGE = 200

export async function watchHotspots(
  deps: Deps,
  report: CaseState,
  context: { now: string; requestId: string },
  policy: HotspotPolicy = DEFAULT_STATS_POLICY.hotspots,
): Promise<void> {
  try {
    const today = chinaDay(context.now)
    const refs = hotspotReads(report.chain, today, policy)
    const sets = await deps.store.counters.inPeriods(refs)
    const byRef = new Map(refs.map((ref, i) => [`${ref.period}:${ref.orgId}`, sets[i] ?? {}]))
    const findings = findHotspots(report.chain, report.category, today, (orgId, day) => byRef.get(`${day}:${orgId}`) ?? {}, policy)
    for (const finding of findings) await keepAlert(deps, finding, report, context.now, policy)
  } catch (error) {
    deps.log.error('hotspot check failed', {
      requestId: context.requestId,
      caseId: report.id,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    })
  }
}

async function keepAlert(deps: Deps, finding: HotspotFinding, report: CaseState, now: string, policy: HotspotPolicy): Promise<void> {
  const slot = slotOf(finding)
  const stored = await deps.store.hotspots.get(slot)
  const live = stored && isLive(stored, now) ? stored : await raise(deps, finding, report, now, policy)
  if (!live) return
  // A live alert only takes fresher figures: merged by the store, not rewritten in a transaction, so
  // the reports of a busy township at once do not queue behind its one document (docs/benchmarks.md).
  const refresh = { cases: finding.cases, children: finding.children, caseIds: [report.id], updatedAt: now }
  if (stepAlert(live, finding, { chain: report.chain, caseIds: refresh.caseIds, now }, policy).kind === 'update') {
    await deps.store.hotspots.refresh(slot, refresh, policy.maxCaseIds)
  }
}

/**
 * Raises the finding's alert with its messages, in one transaction; answers the live alert another
 * report raised first (found in the transaction), for the caller to refresh, or null once raised.
 */
async function raise(deps: Deps, finding: HotspotFinding, report: CaseState, now: string, policy: HotspotPolicy): Promise<HotspotAlert | null> {
  // Naming the reports behind a new alert takes one page of the org's recent cases: only on a raise.
  const caseIds = await recentReports(deps.store, finding, report)
  return deps.store.transaction(async (tx) => {
    const current = await tx.hotspots.get(slotOf(finding))
    if (current && isLive(current, now)) return current
    const step = stepAlert(current, finding, { chain: report.chain, caseIds, now }, policy)
    if (step.kind !== 'raise') return null
    await tx.hotspots.put(step.alert)
    await tx.messages.add(await alertMessages(tx, deps.ids, step.alert, now, policy))
    return null
  })
}

/** The reports of the finding's category filed at its org or below since its window began, newest first. */
async function recentReports(store: Store, finding: HotspotFinding, report: CaseState): Promise<string[]> {
  const page = await store.cases.inSubtree(finding.orgId, RECENT_PAGE, undefined, { from: dayStart(finding.since) })
  const ids = page.filter((c) => c.category === finding.category).map((c) => c.id).reverse()
  return [report.id, ...ids.filter((id) => id !== report.id)]
}

/** What the child orgs of an org at `level` are called in a sentence. */
const CHILD_NOUN: Record<Exclude<Level, 'village'>, string> = {
  township: '村（社区）',
  county: '乡镇（街道）',
  city: '县（区）',
  province: '市',
}

/** The words of an alert: the same for the message and, with the names, for the dashboard. */
export function alertText(alert: HotspotAlert, name: (id: string) => string, policy: HotspotPolicy): { title: string; body: string } {
  const where = name(alert.orgId)
  const category = CATEGORY_LABELS[alert.category]
  const days = policy.windowDays
  const act = '请及时研判，把矛盾化解在萌芽状态。'
  if (alert.rule === 'surge') {
    return { title: '矛盾苗头预警', body: `${where}近 ${days} 天反映「${category}」问题 ${alert.cases} 件，平时同期约 ${alert.usual ?? 0} 件。${act}` }
  }
  const noun = alert.level === 'village' ? '' : CHILD_NOUN[alert.level]
  const names = alert.children.slice(0, 3).map(name).filter(Boolean)
  const more = alert.children.length > names.length ? '等' : ''
  return {
    title: '矛盾苗头预警',
    body: `${where}近 ${days} 天有 ${alert.children.length} 个${noun}反映「${category}」问题，共 ${alert.cases} 件（${names.join('、')}${more}）。${act}`,
  }
}

/** One message to each cadre of the alert's org; the alert's key makes each one once, however often it is replayed. */
async function alertMessages(tx: Repositories, ids: Ids, alert: HotspotAlert, now: string, policy: HotspotPolicy): Promise<MessageRecord[]> {
  const cadres = await tx.people.withRole(alert.orgId, 'cadre')
  if (cadres.length === 0) return []
  const names = new Map<string, string>()
  for (const id of [alert.orgId, ...alert.children.slice(0, 3)]) names.set(id, (await tx.orgs.get(id))?.name ?? '')
  const name = (id: string) => names.get(id) ?? ''
  const text = alertText(alert, name, policy)
  const category = CATEGORY_LABELS[alert.category]
  return [...new Set(cadres.map((m) => m.openid))].map((openid) => ({
    id: ids.next('msg'),
    dedupeKey: `hotspot:${alert.key}:${openid}:hotspot_alert`,
    openid,
    kind: 'hotspot_alert' as const,
    title: text.title,
    body: text.body,
    page: `/federation/pages/dashboard/index?orgId=${alert.orgId}`,
    subject: `矛盾苗头预警：${name(alert.orgId)}`,
    slots: { subject: `${category}反映集中`, org: name(alert.orgId) },
    createdAt: now,
    status: 'pending' as const,
    attempts: 0,
    nextAttemptAt: now,
  }))
}
