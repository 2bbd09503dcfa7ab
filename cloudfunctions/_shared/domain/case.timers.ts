/**
 * The clock-driven side of a case: which deadlines can still be missed, and the next instant a
 * timer must act. The sweep indexes cases by nextDue(state).at; after every accepted command the
 * handler stores the new value, so a case that needs nothing has no entry to scan.
 */
import { isAtOrAfter, toMs } from './iso-time'
import type { MissedDeadline } from './case.events'
import type { CaseState } from './case.state'

export interface RunningDeadline {
  kind: MissedDeadline
  at: string
}

export interface Due {
  /** An instant written by toISOString(), so due times compare as strings too. */
  at: string
  command: 'MissDeadline' | 'AutoCloseCase'
}

/**
 * The deadlines that can still be missed, earliest first. The accept deadline only binds while
 * the case waits to be accepted; at the province a deadline already flagged is spent.
 */
export function runningDeadlines(state: CaseState): RunningDeadline[] {
  const running: RunningDeadline[] = []
  if (state.status === 'pending' && !state.overdue.accept) {
    running.push({ kind: 'accept', at: state.acceptBy })
  }
  if ((state.status === 'pending' || state.status === 'in_progress') && !state.overdue.resolve) {
    running.push({ kind: 'resolve', at: state.resolveBy })
  }
  return running.sort((a, b) => toMs(a.at) - toMs(b.at))
}

/** The running deadlines that have passed at `at`, earliest first. */
export function missedDeadlines(state: CaseState, at: string): RunningDeadline[] {
  return runningDeadlines(state).filter((deadline) => isAtOrAfter(at, deadline.at))
}

/** The earliest time a timer must act on the case, or null when no timer ever needs to. */
export function nextDue(state: CaseState): Due | null {
  if (state.status === 'resolved') {
    return state.autoCloseBy === undefined ? null : { at: state.autoCloseBy, command: 'AutoCloseCase' }
  }
  const [earliest] = runningDeadlines(state)
  return earliest ? { at: earliest.at, command: 'MissDeadline' } : null
}
