/**
 * Early warning (矛盾化解在萌芽状态): two rules over daily counts of reports, and when a finding raises
 * an alert. Pure: the shell reads the counts the rule asks for (hotspotReads), runs findHotspots, and
 * stores what stepAlert answers (stats/hotspot-watch.ts).
 *
 * The counts: every submission adds, on the China-time day it was filed, `reported:<category>` for
 * every org on its chain and, for each org above the village, `reported:<category>:<child>` naming
 * the child org it came through (the village under a township, the township under a county, …). So
 * "how many villages of this township reported it in the window" is the number of distinct child
 * keys over the window's days: a handful of small reads, never a scan of cases.
 *
 * The rules (thresholds: stats.config.ts HotspotPolicy; docs/RULES.md "Statistics"):
 * - spread (多地同类): the same category reported in ≥ minChildren child orgs of one org within the
 *   window (14 days) — villages of a township, townships of a county, counties of a city, cities of
 *   the province.
 * - surge (本村激增): a village's reports of one category within the window ≥ factor (3) × its usual
 *   number for such a window (its daily average over the 90 days before the window × 14), and at
 *   least minCases (3) of them, so one report against an empty history is no surge.
 *
 * Once per alert: an alert lives for the window after it was raised (liveUntil). While a place, rule
 * and category (its slot) has a live alert, further findings only refresh its figures; the next
 * finding after it lapsed raises a new one. The alert's identity is rule + org + category + the first
 * day of its window (since): its messages' dedupe key.
 */
import { LEVELS, type Category, type Level } from '../../../types/enums'
import type { HotspotRule } from '../../../types/stats.contract'
import type { CaseEvent } from './case.events'
import type { Chain } from './org-ladder'
import { addDays, chinaDay, daysEnding, type ChinaDay } from './china-calendar'
import { addMs, DAY_MS, toMs } from './iso-time'
import type { HotspotPolicy } from './stats.config'

/** Counter keys of an org's daily set. */
export const reportedKey = (category: Category) => `reported:${category}`
export const reportedFromKey = (category: Category, childId: string) => `reported:${category}:${childId}`

/** Counters to add to one org's set of one period (a China-time day here). */
export interface PeriodDelta {
  orgId: string
  period: string
  deltas: Record<string, number>
}

/** The daily counts a case change adds: one per submission, for every org on its chain. */
export function reportDeltas(events: readonly CaseEvent[]): PeriodDelta[] {
  const out: PeriodDelta[] = []
  for (const event of events) {
    if (event.type !== 'CaseSubmitted') continue
    const day = chinaDay(event.at)
    LEVELS.forEach((level, i) => {
      const below = i > 0 ? event.chain[LEVELS[i - 1]!] : undefined
      out.push({
        orgId: event.chain[level],
        period: day,
        deltas: { [reportedKey(event.category)]: 1, ...(below !== undefined && { [reportedFromKey(event.category, below)]: 1 }) },
      })
    })
  }
  return out
}

/** One daily set to read: an org's counts of one day. */
export interface DayRef {
  orgId: string
  period: ChinaDay
}

/** The daily sets findHotspots reads for a report filed in `chain`'s village on `today`. */
export function hotspotReads(chain: Chain, today: ChinaDay, policy: HotspotPolicy): DayRef[] {
  const village = daysEnding(today, policy.windowDays + policy.surge.baselineDays).map((period) => ({ orgId: chain.village, period }))
  const above = LEVELS.slice(1).flatMap((level) => daysEnding(today, policy.windowDays).map((period) => ({ orgId: chain[level], period })))
  return [...village, ...above]
}

/** An org's counts of one day ({} when nothing was filed). */
export type DailyCounts = (orgId: string, day: ChinaDay) => Readonly<Record<string, number>>

/** What a rule found at one org for one category, over the window ending today. */
export interface HotspotFinding {
  rule: HotspotRule
  orgId: string
  level: Level
  category: Category
  /** The distinct child orgs that reported it in the window (spread); [] for a surge. */
  children: string[]
  /** Reports of the category in the org's subtree within the window. */
  cases: number
  /** The first day of the window with one of them. */
  since: ChinaDay
  /** Surge: the village's usual number for such a window (one decimal). */
  usual?: number
}

/** Every finding for a new report of `category` in `chain`'s village: the surge there, a spread above. */
export function findHotspots(chain: Chain, category: Category, today: ChinaDay, counts: DailyCounts, policy: HotspotPolicy): HotspotFinding[] {
  const found = [surgeAt(chain.village, category, today, counts, policy)]
  for (const level of LEVELS.slice(1) as Exclude<Level, 'village'>[]) found.push(spreadAt(chain[level], level, category, today, counts, policy))
  return found.filter((f): f is HotspotFinding => f !== null)
}

function spreadAt(
  orgId: string,
  level: Exclude<Level, 'village'>,
  category: Category,
  today: ChinaDay,
  counts: DailyCounts,
  policy: HotspotPolicy,
): HotspotFinding | null {
  const prefix = reportedFromKey(category, '')
  const children = new Set<string>()
  let cases = 0
  let since: ChinaDay | undefined
  for (const day of daysEnding(today, policy.windowDays)) {
    const set = counts(orgId, day)
    const reported = set[reportedKey(category)] ?? 0
    cases += reported
    if (reported > 0) since ??= day
    for (const [key, n] of Object.entries(set)) if (n > 0 && key.startsWith(prefix)) children.add(key.slice(prefix.length))
  }
  if (children.size < policy.minChildren[level] || since === undefined) return null
  return { rule: 'spread', orgId, level, category, children: [...children].sort(), cases, since }
}

function surgeAt(villageId: string, category: Category, today: ChinaDay, counts: DailyCounts, policy: HotspotPolicy): HotspotFinding | null {
  const { windowDays } = policy
  const { baselineDays, factor, minCases } = policy.surge
  const key = reportedKey(category)
  let cases = 0
  let since: ChinaDay | undefined
  for (const day of daysEnding(today, windowDays)) {
    const n = counts(villageId, day)[key] ?? 0
    cases += n
    if (n > 0) since ??= day
  }
  let baseline = 0
  for (const day of daysEnding(addDays(today, -windowDays), baselineDays)) baseline += counts(villageId, day)[key] ?? 0
  const usual = baselineDays > 0 ? (baseline * windowDays) / baselineDays : 0
  if (since === undefined || cases < minCases || cases < factor * usual) return null
  return { rule: 'surge', orgId: villageId, level: 'village', category, children: [], cases, since, usual: Math.round(usual * 10) / 10 }
}

/** An alert as stored: the finding that raised it (refreshed while it lives) and its lifetime. */
export interface HotspotAlert extends HotspotFinding {
  /** rule:orgId:category — at most one live alert per slot. */
  slot: string
  /** slot:since — the alert's identity, the dedupe key of its messages. */
  key: string
  /** The org's path, the root first, down to the org: who above it sees it (a subtree read). */
  orgPath: string[]
  /** The newest reports behind it, newest first (at most policy.maxCaseIds). */
  caseIds: string[]
  raisedAt: string
  /** It is listed, and raises no other alert in its slot, until then. */
  liveUntil: string
  updatedAt: string
}

export const slotOf = (finding: Pick<HotspotFinding, 'rule' | 'orgId' | 'category'>) => `${finding.rule}:${finding.orgId}:${finding.category}`

export const isLive = (alert: Pick<HotspotAlert, 'liveUntil'>, now: string) => toMs(alert.liveUntil) > toMs(now)

/** The org's path, root first, for an org at `level` on `chain`. */
export const pathOnChain = (chain: Chain, level: Level): string[] => LEVELS.slice(LEVELS.indexOf(level)).map((l) => chain[l]).reverse()

/** What a later report adds to a live alert: its finding's figures, the reports behind it newest first. */
export interface AlertRefresh {
  cases: number
  children: readonly string[]
  caseIds: readonly string[]
  updatedAt: string
}

/**
 * A live alert with a refresh merged in: figures only grow (cases the larger, children the union,
 * sorted), the refresh's reports first among at most `maxCaseIds`, each once. Merging in any order
 * gives the same figures, so refreshes that race lose nothing (HotspotRepository.refresh).
 */
export function refreshedAlert(current: HotspotAlert, refresh: AlertRefresh, maxCaseIds: number): HotspotAlert {
  return {
    ...current,
    cases: Math.max(current.cases, refresh.cases),
    children: [...new Set([...current.children, ...refresh.children])].sort(),
    caseIds: [...new Set([...refresh.caseIds, ...current.caseIds])].slice(0, maxCaseIds),
    updatedAt: refresh.updatedAt > current.updatedAt ? refresh.updatedAt : current.updatedAt,
  }
}

export type AlertStep = { kind: 'raise'; alert: HotspotAlert } | { kind: 'update'; alert: HotspotAlert } | { kind: 'none' }

/**
 * What a finding does to its slot: raises an alert when the slot has no live one; otherwise refreshes
 * the live one (its figures only grow while it lives; its identity and lifetime stay) or, when
 * nothing is new, nothing. `caseIds`: the reports behind the finding known now, newest first.
 */
export function stepAlert(
  current: HotspotAlert | null,
  finding: HotspotFinding,
  context: { chain: Chain; caseIds: readonly string[]; now: string },
  policy: HotspotPolicy,
): AlertStep {
  const { caseIds, now } = context
  if (current && isLive(current, now)) {
    const alert = refreshedAlert(current, { cases: finding.cases, children: finding.children, caseIds, updatedAt: now }, policy.maxCaseIds)
    const same =
      alert.cases === current.cases && alert.children.length === current.children.length && alert.caseIds.join() === current.caseIds.join()
    return same ? { kind: 'none' } : { kind: 'update', alert }
  }
  const slot = slotOf(finding)
  return {
    kind: 'raise',
    alert: {
      ...finding,
      slot,
      key: `${slot}:${finding.since}`,
      orgPath: pathOnChain(context.chain, finding.level),
      caseIds: [...new Set(caseIds)].slice(0, policy.maxCaseIds),
      raisedAt: now,
      liveUntil: addMs(now, policy.windowDays * DAY_MS),
      updatedAt: now,
    },
  }
}
