/**
 * The clock-driven side of a case: which deadlines can still be missed, which reminders are still to
 * go, and the next instant a timer must act. The sweep indexes cases by nextDue(state).at; after every
 * accepted command the handler stores the new value, so a case that needs nothing has no entry to scan.
 */
import { isAtOrAfter, toMs } from './iso-time'
import { DEFAULT_CASE_POLICY, type CasePolicy } from './domain.config'
import { reminderAt } from './deadline.policy'
import type { MissedDeadline } from './case.events'
import type { CaseState } from './case.state'

export interface RunningDeadline {
  kind: MissedDeadline
  at: string
}

/** A 临期提醒 not sent yet: when it is due (`at`) and the deadline it is about. */
export interface PendingReminder {
  kind: MissedDeadline
  at: string
  deadline: string
}

export type TimerCommand = 'MissDeadline' | 'AutoCloseCase' | 'RemindDeadline'

export interface Due {
  /** An instant written by toISOString(), so due times compare as strings too. */
  at: string
  command: TimerCommand
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

/**
 * The reminders still to go: one per running deadline, unless one went for that very deadline
 * (`reminded` keeps the instant it was for). Earliest first.
 */
export function pendingReminders(state: CaseState, policy: CasePolicy = DEFAULT_CASE_POLICY): PendingReminder[] {
  return runningDeadlines(state)
    .filter((deadline) => state.reminded?.[deadline.kind] !== deadline.at)
    .map((deadline) => ({ kind: deadline.kind, at: reminderAt(deadline.at, state.arrivedAt, policy), deadline: deadline.at }))
    .sort((a, b) => toMs(a.at) - toMs(b.at))
}

/**
 * The reminders due at `at`: their time has come and their deadline has not. Once any deadline has
 * passed none is: the case escalates (or is flagged) instead, and a reminder then only confuses.
 */
export function remindersDue(state: CaseState, at: string, policy: CasePolicy = DEFAULT_CASE_POLICY): PendingReminder[] {
  if (missedDeadlines(state, at).length > 0) return []
  return pendingReminders(state, policy).filter((reminder) => isAtOrAfter(at, reminder.at))
}

/** The earliest time a timer must act on the case, or null when no timer ever needs to. */
export function nextDue(state: CaseState, policy: CasePolicy = DEFAULT_CASE_POLICY): Due | null {
  if (state.status === 'resolved') {
    return state.autoCloseBy === undefined ? null : { at: state.autoCloseBy, command: 'AutoCloseCase' }
  }
  const [deadline] = runningDeadlines(state)
  const [reminder] = pendingReminders(state, policy)
  // A reminder always comes before its own deadline; before an earlier one of the other kind, not always.
  if (reminder && (!deadline || toMs(reminder.at) < toMs(deadline.at))) return { at: reminder.at, command: 'RemindDeadline' }
  return deadline ? { at: deadline.at, command: 'MissDeadline' } : null
}

/**
 * What a timer run at `at` must do to the case, whenever it runs: a run that comes late, past a
 * reminder and its deadline both, escalates; null when nothing is due yet (or any more).
 */
export function dueCommandAt(state: CaseState, at: string, policy: CasePolicy = DEFAULT_CASE_POLICY): TimerCommand | null {
  if (state.status === 'resolved') {
    return state.autoCloseBy !== undefined && isAtOrAfter(at, state.autoCloseBy) ? 'AutoCloseCase' : null
  }
  if (missedDeadlines(state, at).length > 0) return 'MissDeadline'
  return remindersDue(state, at, policy).length > 0 ? 'RemindDeadline' : null
}
