/**
 * Statistics as counters. Every org keeps counters for the cases of its whole subtree, so a dashboard
 * reads one row per org instead of scanning cases (the province's answer stays O(1) at 10^6 cases).
 * A case change adds the same deltas to every org on the case's chain (village → province), in the
 * transaction that saves the change.
 *
 * Two kinds of figures, and why:
 * - What a case IS now (its status, its category, its final resolution) is a "standing" contribution:
 *   the deltas are standing(after) − standing(before). A case moves between status buckets, and a
 *   reopening retracts the resolution it undoes, with no per-event bookkeeping to get wrong.
 * - What HAPPENED to a case (arrivals at a level, escalations away from it, ratings) is counted per
 *   event, because the state forgets it (a reopening drops the rating that caused it).
 *
 * Decisions (stats.overview's figures, types/stats.contract.ts; docs/RULES.md "Statistics"):
 * - A reopened-then-re-resolved case counts ONCE, at the level of its final resolution: the reopening
 *   says the earlier resolution did not hold, so it is not a 小事不出村 success. Resolutions therefore
 *   equal the cases now resolved or closed. On-time and hours-to-resolve follow the same resolution.
 * - Every rating counts (ratings are events): an "unsatisfied" that reopened a case stays in the
 *   satisfaction rate even if a later rating is "satisfied". satisfactionRate = (满意 + 基本满意) ÷
 *   ratings, as 12345 counts it; solveRate = 解决了 ÷ ratings (部分解决 is not solved).
 * - Arrivals count every time a case reaches a level (submission, escalation, hand-back, reopening,
 *   提级办理); departures count escalations away from it (by hand or by a missed deadline). A departure
 *   needs an arrival before it, so escalated ≤ arrived at every level and the rate stays within 0..1.
 *   A take-over is not a departure: the holder did not pass the case up, it was pulled.
 * - 催办 counts per event: `urged` every urge, `urged:<level>` by the level of the holder urged, so a
 *   scorecard can tell the urges an org received from those its subtree did.
 * - 转办 is an arrival at the org it goes to. When it moves the case's chain (another village), what
 *   the case IS moves with it: its standing leaves the orgs it left and joins those it joined
 *   (counterWrites). What HAPPENED stays where it happened: each event counts at the chain the case
 *   had just after it (the old village keeps the arrival it had).
 * - 延期 counts per event: `extensionsRequested` each request, `extensionsApproved` each approval. A case
 *   resolved by its extended deadline is on time.
 * - A case merged into another (合并办理) stands as `merged` alone: no longer a case, a status or a
 *   category of its own, so the totals count the problem once. What happened to it on its way stays.
 */
import { LEVELS, type CaseStatus, type Category, type Level, type Satisfaction, type Solved } from '../../../types/enums'
import { assertNever } from './domain.errors'
import type { CaseEvent } from './case.events'
import { evolve } from './case.evolve'
import type { CaseState } from './case.state'
import { chinaMonth, type ChinaMonth } from './china-calendar'
import { toMs } from './iso-time'

/** Every counter an org keeps. Keys are stored as they are: ':' keeps them flat in any store. */
export type CounterKey =
  | 'cases'
  | `status:${CaseStatus}`
  | `category:${Category}`
  /** Cases whose final resolution happened at this level. */
  | `resolved:${Level}`
  /** Of those, resolved at or before the resolve deadline of their round. */
  | 'resolvedOnTime'
  /** Whole minutes from submission to final resolution, summed (integers, so sums stay exact). */
  | 'resolveMinutes'
  | `arrived:${Level}`
  | `escalated:${Level}`
  /** 催办: every urge of a case; by the level of the holder that was urged. */
  | 'urged'
  | `urged:${Level}`
  /** 延期: every request, and every approval. */
  | 'extensionsRequested'
  | 'extensionsApproved'
  | 'ratings'
  | `satisfaction:${Satisfaction}`
  | `solved:${Solved}`
  /** Bumped by the deliberation function (bumpCounter), not by case changes. */
  | 'deliberations'
  /** Cases closed as duplicates (合并办理): counted here instead of as cases (`standing`). */
  | 'merged'
  /** Kept by onboarding (orgs and role bindings), not by case changes. */
  | 'councils'
  | 'members'
/** Counter values (or deltas) by key; a missing key is 0. */
export type Counters = Partial<Record<CounterKey, number>>

/** The counter deltas of one case change: (events, state before, state after). Zeros are left out. */
export function counterDeltas(events: readonly CaseEvent[], before: CaseState | null, after: CaseState): Counters {
  const deltas: Counters = {}
  const add = (key: CounterKey, n: number) => {
    deltas[key] = (deltas[key] ?? 0) + n
  }
  if (before !== null) for (const [key, n] of standing(before)) add(key, -n)
  for (const [key, n] of standing(after)) add(key, n)
  for (const event of events) for (const [key, n] of happened(event)) add(key, n)
  return nonZero(deltas)
}

/** The minutes from submission to resolution, as the dashboard's average counts them. */
export const minutesBetween = (from: string, to: string): number => Math.round((toMs(to) - toMs(from)) / 60_000)

/** What the case contributes by what it is now. */
function standing(state: CaseState): [CounterKey, number][] {
  // A duplicate is the other case's 反映: counted once, there (docs/RULES.md "我也遇到与合并办理").
  if (state.mergedInto !== undefined) return [['merged', 1]]
  const out: [CounterKey, number][] = [
    ['cases', 1],
    [`status:${state.status}`, 1],
    [`category:${state.category}`, 1],
  ]
  // The outcome belongs to the current round: a reopening drops it, so it retracts here too.
  const outcome = state.outcome
  if (outcome) {
    out.push([`resolved:${outcome.level}`, 1], ['resolveMinutes', minutesBetween(state.submittedAt, outcome.at)])
    if (toMs(outcome.at) <= toMs(state.resolveBy)) out.push(['resolvedOnTime', 1])
  }
  return out
}

/** What one event adds by having happened. */
function happened(event: CaseEvent): [CounterKey, number][] {
  switch (event.type) {
    case 'CaseSubmitted':
      return [[`arrived:${event.level}`, 1]]
    case 'CaseEscalated':
      return [
        [`escalated:${event.fromLevel}`, 1],
        [`arrived:${event.toLevel}`, 1],
      ]
    case 'CaseHandedBack':
    case 'CaseReopened':
    case 'CaseTakenOver':
      return [[`arrived:${event.toLevel}`, 1]]
    case 'CaseTransferred':
      return [[`arrived:${event.level}`, 1]]
    case 'ExtensionRequested':
      return [['extensionsRequested', 1]]
    case 'ExtensionDecided':
      return event.approve ? [['extensionsApproved', 1]] : []
    case 'CaseUrged':
      return [
        ['urged', 1],
        [`urged:${event.level}`, 1],
      ]
    case 'CaseRated':
      return [
        ['ratings', 1],
        [`satisfaction:${event.satisfaction}`, 1],
        [`solved:${event.solved}`, 1],
      ]
    case 'CaseAccepted':
    case 'CaseResolved':
    // 帮扶方案 is the holder's way of working a case, not a figure of the dashboard.
    case 'TaskPlanned':
    case 'TaskCompleted':
    case 'TasksSettled':
    case 'DepartmentAssigned':
    case 'DepartmentReplied':
    case 'CaseClosed':
    case 'CaseWithdrawn':
    case 'CaseFlaggedOverdue':
    case 'CaseDeliberated':
    case 'CasePhotoRejected':
    case 'DeadlineReminded':
    case 'CaseSupported':
    case 'CaseMerged':
    case 'CaseMergedIn':
      return []
    default:
      return assertNever(event)
  }
}

/** One write of a change's counters: these deltas to each of these orgs. */
export interface CounterWrite {
  orgIds: string[]
  deltas: Counters
}

/**
 * Where a change's counters go. Usually the five orgs of the case's chain, all alike. A change that
 * moved the chain (a 转办 to another village) takes the case's standing away from the orgs it left and
 * gives its standing and the change's events to the orgs it joined; the orgs on both chains get the
 * plain deltas. Empty writes are left out.
 */
export function counterWrites(events: readonly CaseEvent[], before: CaseState | null, after: CaseState): CounterWrite[] {
  const now = LEVELS.map((level) => after.chain[level])
  const was = before ? LEVELS.map((level) => before.chain[level]) : now
  const left = was.filter((id) => !now.includes(id))
  if (before === null || left.length === 0) return nonEmpty([{ orgIds: now, deltas: counterDeltas(events, before, after) }])
  const retracted: Counters = {}
  for (const [key, n] of standing(before)) retracted[key] = (retracted[key] ?? 0) - n
  return nonEmpty([
    { orgIds: now.filter((id) => was.includes(id)), deltas: counterDeltas(events, before, after) },
    { orgIds: left, deltas: nonZero(retracted) },
    { orgIds: now.filter((id) => !was.includes(id)), deltas: counterDeltas(events, null, after) },
  ])
}

const nonEmpty = (writes: CounterWrite[]): CounterWrite[] =>
  writes.filter((w) => w.orgIds.length > 0 && Object.keys(w.deltas).length > 0)

function nonZero(counters: Counters): Counters {
  const out: Counters = {}
  for (const [key, n] of Object.entries(counters) as [CounterKey, number][]) if (n !== 0) out[key] = n
  return out
}

/*
 * Monthly counters, for the monthly scorecard (stats.ranking). Kept per (org, China-time month of the
 * event), in the transaction of every case change, so a month's figures for an org are one read.
 *
 * Unlike the counters above (what the cases of a subtree are and went through), these score how a
 * subtree HANDLED cases: an event counts for the org that acted (the holder, at its level on the
 * case's chain) and every org above it, never for the orgs below. A township's month then covers its
 * own handling and its villages', and a case the county took over no longer weighs on the township.
 * Everything here is per event, in the month of the event's own instant:
 * - 响应 (response): a round's acceptance settles when it is accepted (in time: by the round's accept
 *   deadline, 24 h from its arrival) or when that deadline is missed (escalated by the sweep, or
 *   flagged at the province). 响应率 = acceptedInTime ÷ acceptDue. Escalating or handing back by hand,
 *   or a withdrawal, before accepting settles nothing: it is neither a response nor a failure.
 * - 按时 (on time): likewise resolutions by the round's resolve deadline ÷ (resolutions + resolve
 *   deadlines missed). A deadline flagged at the province counts once: a later acceptance or
 *   resolution of that round adds only to its numerator's chance, not to the denominator again.
 * - Ratings count for the org that made the resolution being rated (its level), as the all-time
 *   counters count them: 解决率 = solved:yes ÷ ratings, 满意率 = (satisfied + basic) ÷ ratings.
 * - submitted: cases filed in the subtree that month (for every org on the chain), the scorecard's
 *   "本月反映". accepted, resolved: rounds accepted (in time or late) and resolutions made that month,
 *   by the org that acted and those above it (the dashboard's trend, stats.trend). Kept since issue 17
 *   item 8: months before read as 0 for these two.
 * - urged: 催办 received by the holder (and counted above it); see `urgedCounted`.
 * - A merge (合并办理) takes the duplicate's `submitted` back from the month it was filed in, at the
 *   village it belongs to now: the month counts the problem once, as the other case. What its rounds
 *   did (accepted in time, …) happened and stays.
 * Months before these counters existed read as zeros.
 */

/** Every counter an org keeps for one month. */
export type MonthlyKey =
  | 'submitted'
  /** Rounds accepted that month (in time or late), and resolutions made: the dashboard's trend (stats.trend). */
  | 'accepted'
  | 'resolved'
  | 'acceptDue'
  | 'acceptedInTime'
  | 'resolveDue'
  | 'resolvedOnTime'
  | 'ratings'
  | `solved:${Solved}`
  | `satisfaction:${Satisfaction}`
  /** 催办 received: counted by `urgedCounted`, for each urge (escalation.urge). */
  | 'urged'
  /** 知识库更新数: standard answers saved (account.kbSave; knowledge.rules.ts kbUpdateDeltas). */
  | 'kbUpdates'
export type MonthlyCounters = Partial<Record<MonthlyKey, number>>

/** What one event adds for one month: for the org at `level` on the case's chain and every org above it. */
export interface MonthlyDelta {
  month: ChinaMonth
  level: Level
  deltas: MonthlyCounters
}

/**
 * The monthly deltas of one case change: its events, each seen against the case as it stood just
 * before it (the state is folded through the events). Deltas for the same month and level are merged.
 */
export function monthlyDeltas(events: readonly CaseEvent[], before: CaseState | null): MonthlyDelta[] {
  const merged = new Map<string, MonthlyDelta>()
  let state = before
  for (const event of events) {
    for (const delta of monthlyOf(event, state)) addMonthly(merged, delta)
    state = evolve(state, event)
  }
  return [...merged.values()].filter((delta) => Object.keys(delta.deltas).length > 0)
}

/** What one event adds to the monthly counters, seen against the case just before it. */
function monthlyOf(event: CaseEvent, state: CaseState | null): MonthlyDelta[] {
  const month = chinaMonth(event.at)
  const at = (level: Level, deltas: MonthlyCounters): MonthlyDelta[] => [{ month, level, deltas }]
  const by = (deadline: string) => (toMs(event.at) <= toMs(deadline) ? 1 : 0)
  if (event.type === 'CaseSubmitted') return at('village', { submitted: 1 })
  if (state === null) return []
  switch (event.type) {
    case 'CaseAccepted':
      // A round the province flagged overdue was counted due then: only its acceptance is new.
      return at(state.level, { accepted: 1, acceptDue: state.overdue.accept ? 0 : 1, acceptedInTime: by(state.acceptBy) })
    case 'CaseResolved':
      return at(state.level, { resolved: 1, resolveDue: state.overdue.resolve ? 0 : 1, resolvedOnTime: by(state.resolveBy) })
    case 'CaseEscalated':
      if (!event.auto || !event.missed) return []
      return at(event.fromLevel, event.missed === 'accept' ? { acceptDue: 1 } : { resolveDue: 1 })
    case 'CaseFlaggedOverdue':
      return at(state.level, event.missed === 'accept' ? { acceptDue: 1 } : { resolveDue: 1 })
    case 'CaseRated': {
      const level = state.outcome?.level ?? state.level
      return at(level, { ratings: 1, [`solved:${event.solved}`]: 1, [`satisfaction:${event.satisfaction}`]: 1 })
    }
    case 'CaseUrged':
      return [urgedCounted(event.at, state.level)]
    case 'CaseMerged':
      // Not a 反映 of its own: taken back from the month it was filed in, at its village now.
      return [{ month: chinaMonth(state.submittedAt), level: 'village', deltas: { submitted: -1 } }]
    case 'CaseSupported':
    case 'CaseMergedIn':
    case 'CaseTakenOver':
    case 'DeadlineReminded':
    // A 转办 starts a round at the new org (its acceptance counts when it comes); an approved 延期
    // moves the resolve deadline in the state, which 按时率 then reads.
    case 'CaseTransferred':
    case 'ExtensionRequested':
    case 'ExtensionDecided':
    case 'CaseHandedBack':
    case 'CaseReopened':
    case 'DepartmentAssigned':
    case 'DepartmentReplied':
    case 'CaseClosed':
    case 'CaseWithdrawn':
    case 'CaseDeliberated':
    case 'CasePhotoRejected':
    case 'TaskPlanned':
    case 'TaskCompleted':
    case 'TasksSettled':
      return []
    default:
      return assertNever(event)
  }
}

/**
 * 催办 (escalation.urge) on the scorecard: an urge at instant `at` of a case held at `heldAt` counts one
 * `urged` for the holder and every org above it, in the month of `at`.
 */
export const urgedCounted = (at: string, heldAt: Level): MonthlyDelta => ({ month: chinaMonth(at), level: heldAt, deltas: { urged: 1 } })

/** The orgs a monthly delta counts for: the chain's org at `level` and every one above it. */
export const orgsFrom = (chain: Readonly<Record<Level, string>>, level: Level): string[] =>
  LEVELS.slice(LEVELS.indexOf(level)).map((l) => chain[l])

function addMonthly(into: Map<string, MonthlyDelta>, delta: MonthlyDelta) {
  const key = `${delta.month}|${delta.level}`
  const found = into.get(key) ?? { month: delta.month, level: delta.level, deltas: {} }
  for (const [k, n] of Object.entries(delta.deltas) as [MonthlyKey, number][]) {
    if (n !== 0) found.deltas[k] = (found.deltas[k] ?? 0) + n
  }
  into.set(key, found)
}
