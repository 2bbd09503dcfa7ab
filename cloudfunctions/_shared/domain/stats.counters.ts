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
 */
import type { CaseStatus, Category, Level, Satisfaction, Solved } from '../../../types/enums'
import { assertNever } from './domain.errors'
import type { CaseEvent } from './case.events'
import type { CaseState } from './case.state'
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
  | 'ratings'
  | `satisfaction:${Satisfaction}`
  | `solved:${Solved}`
  /** Bumped by the deliberation function (bumpCounter), not by case changes. */
  | 'deliberations'
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
    case 'DepartmentAssigned':
    case 'DepartmentReplied':
    case 'CaseClosed':
    case 'CaseWithdrawn':
    case 'CaseFlaggedOverdue':
    case 'CaseDeliberated':
    case 'CasePhotoRejected':
    case 'DeadlineReminded':
      return []
    default:
      return assertNever(event)
  }
}

function nonZero(counters: Counters): Counters {
  const out: Counters = {}
  for (const [key, n] of Object.entries(counters) as [CounterKey, number][]) if (n !== 0) out[key] = n
  return out
}
