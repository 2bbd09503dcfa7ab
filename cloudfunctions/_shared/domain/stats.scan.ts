/**
 * The same counters by a full scan: each case's figures recomputed from its timeline alone, without
 * the state fold or counterDeltas, each counted at the orgs on its chain at the time. Slow by design
 * (it reads every event of every case); it exists to check the counters against (the property test), to
 * measure them against (the bench's overview_vs_scan), and to rebuild them if they ever drift.
 */
import { LEVELS, type Level } from '../../../types/enums'
import type { CaseStatus } from '../../../types/enums'
import type { CaseEvent } from './case.events'
import type { Chain } from './org-ladder'
import { toMs } from './iso-time'
import { chinaMonth } from './china-calendar'
import { minutesBetween, type CounterKey, type Counters, type MonthlyCounters, type MonthlyKey } from './stats.counters'

/**
 * One case's counters from its timeline (oldest first, starting with CaseSubmitted), by org: what
 * happened counts at every org of the chain the case had just after it happened (a 转办 moves the
 * chain), what the case is at the end counts at every org of its final chain. Added into `byOrg`.
 */
export function countersOfTimelineByOrg(timeline: readonly CaseEvent[], byOrg = new Map<string, Counters>()): Map<string, Counters> {
  const first = timeline[0]
  if (!first || first.type !== 'CaseSubmitted') return byOrg
  // The figures of each chain the case had, spread over its orgs at the end (most cases have one).
  const spans: { chain: Chain; figures: Counters }[] = [{ chain: first.chain, figures: {} }]
  let span = spans[0]!
  const add = (key: CounterKey, n = 1) => {
    span.figures[key] = (span.figures[key] ?? 0) + n
  }

  let status: CaseStatus = 'pending'
  let resolveBy = first.resolveBy
  let resolution: { level: Level; at: string } | null = null
  let merged = false
  for (const event of timeline) {
    switch (event.type) {
      case 'CaseSubmitted':
        add(`arrived:${event.level}`)
        break
      case 'CaseAccepted':
        status = 'in_progress'
        break
      case 'CaseResolved':
        status = 'resolved'
        resolution = { level: event.level, at: event.at }
        break
      case 'CaseEscalated':
        add(`escalated:${event.fromLevel}`)
        add(`arrived:${event.toLevel}`)
        ;[status, resolveBy, resolution] = ['pending', event.resolveBy, null]
        break
      case 'CaseHandedBack':
      case 'CaseReopened':
      case 'CaseTakenOver':
        add(`arrived:${event.toLevel}`)
        ;[status, resolveBy, resolution] = ['pending', event.resolveBy, null]
        break
      case 'CaseTransferred':
        span = { chain: event.chain, figures: {} }
        spans.push(span)
        add(`arrived:${event.level}`)
        ;[status, resolveBy, resolution] = ['pending', event.resolveBy, null]
        break
      case 'ExtensionRequested':
        add('extensionsRequested')
        break
      case 'ExtensionDecided':
        if (event.approve) add('extensionsApproved')
        resolveBy = event.resolveBy
        break
      case 'CaseUrged':
        add('urged')
        add(`urged:${event.level}`)
        break
      case 'CaseRated':
        add('ratings')
        add(`satisfaction:${event.satisfaction}`)
        add(`solved:${event.solved}`)
        break
      case 'CaseClosed':
        status = 'closed'
        break
      case 'CaseWithdrawn':
        status = 'withdrawn'
        break
      case 'CaseMerged':
        merged = true
        break
      default:
        break
    }
  }

  // A duplicate merged into another case is counted there: here only as merged.
  if (merged) {
    add('merged')
  } else {
    add('cases')
    add(`status:${status}`)
    add(`category:${first.category}`)
    if (resolution) {
      add(`resolved:${resolution.level}`)
      add('resolveMinutes', minutesBetween(first.at, resolution.at))
      if (toMs(resolution.at) <= toMs(resolveBy)) add('resolvedOnTime')
    }
  }
  for (const { chain, figures } of spans) {
    for (const level of LEVELS) {
      const into = byOrg.get(chain[level]) ?? {}
      for (const [key, n] of Object.entries(figures) as [CounterKey, number][]) into[key] = (into[key] ?? 0) + n
      byOrg.set(chain[level], into)
    }
  }
  return byOrg
}

/** Every org's counters from a full scan: each case counts for the orgs on its chain (as above). */
export function countersByOrg(timelines: Iterable<readonly CaseEvent[]>): Map<string, Counters> {
  const byOrg = new Map<string, Counters>()
  for (const timeline of timelines) countersOfTimelineByOrg(timeline, byOrg)
  return byOrg
}

/**
 * Every org's monthly counters from a full scan (stats.counters.ts "Monthly counters"): each event of
 * each timeline credited, in its China-time month, to the org that acted and every org above it,
 * following the round (holder level, deadlines, province flags) along the timeline itself.
 * Keyed `<month>:<orgId>`.
 */
export function monthlyCountersByOrg(timelines: Iterable<readonly CaseEvent[]>): Map<string, MonthlyCounters> {
  const out = new Map<string, MonthlyCounters>()
  for (const timeline of timelines) {
    const first = timeline[0]
    if (!first || first.type !== 'CaseSubmitted') continue
    // A 转办 moves the chain: what happens after it counts on the new one.
    let chain = first.chain
    const credit = (at: string, level: Level, key: MonthlyKey, n = 1) => {
      if (n === 0) return
      for (const l of LEVELS.slice(LEVELS.indexOf(level))) {
        const id = `${chinaMonth(at)}:${chain[l]}`
        const into = out.get(id) ?? {}
        into[key] = (into[key] ?? 0) + n
        out.set(id, into)
      }
    }
    let round = { level: first.level, acceptBy: first.acceptBy, resolveBy: first.resolveBy, flagged: { accept: false, resolve: false } }
    let resolvedAt: Level | null = null
    const onTime = (at: string, deadline: string) => (toMs(at) <= toMs(deadline) ? 1 : 0)
    for (const event of timeline) {
      switch (event.type) {
        case 'CaseSubmitted':
          credit(event.at, 'village', 'submitted')
          break
        case 'CaseAccepted':
          credit(event.at, round.level, 'accepted')
          if (!round.flagged.accept) credit(event.at, round.level, 'acceptDue')
          credit(event.at, round.level, 'acceptedInTime', onTime(event.at, round.acceptBy))
          break
        case 'CaseResolved':
          credit(event.at, round.level, 'resolved')
          if (!round.flagged.resolve) credit(event.at, round.level, 'resolveDue')
          credit(event.at, round.level, 'resolvedOnTime', onTime(event.at, round.resolveBy))
          resolvedAt = event.level
          break
        case 'CaseFlaggedOverdue':
          credit(event.at, round.level, event.missed === 'accept' ? 'acceptDue' : 'resolveDue')
          round = { ...round, flagged: { ...round.flagged, [event.missed]: true } }
          break
        case 'CaseRated':
          credit(event.at, resolvedAt ?? round.level, 'ratings')
          credit(event.at, resolvedAt ?? round.level, `solved:${event.solved}`)
          credit(event.at, resolvedAt ?? round.level, `satisfaction:${event.satisfaction}`)
          break
        case 'CaseEscalated':
          if (event.auto && event.missed) credit(event.at, event.fromLevel, event.missed === 'accept' ? 'acceptDue' : 'resolveDue')
          round = { level: event.toLevel, acceptBy: event.acceptBy, resolveBy: event.resolveBy, flagged: { accept: false, resolve: false } }
          resolvedAt = null
          break
        case 'CaseUrged':
          credit(event.at, round.level, 'urged')
          break
        case 'CaseHandedBack':
        case 'CaseReopened':
        case 'CaseTakenOver':
          round = { level: event.toLevel, acceptBy: event.acceptBy, resolveBy: event.resolveBy, flagged: { accept: false, resolve: false } }
          resolvedAt = null
          break
        case 'CaseTransferred':
          chain = event.chain
          round = { level: round.level, acceptBy: event.acceptBy, resolveBy: event.resolveBy, flagged: { accept: false, resolve: false } }
          break
        case 'ExtensionDecided':
          round = { ...round, resolveBy: event.resolveBy }
          break
        case 'CaseMerged':
          // The month it was filed no longer counts it: it is the other case's 反映.
          credit(first.at, 'village', 'submitted', -1)
          break
        default:
          break
      }
    }
  }
  return out
}
