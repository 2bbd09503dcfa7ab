/**
 * The clock-driven side of a deliberation: the one reminder to those who have not voted, then the
 * close at the deadline. The due job (deliberation/due.jobs.ts) finds open deliberations by
 * nextDeliberationDue alone — one index, one query a run — and the store rewrites it on every change,
 * so a reminded one is found again only at its deadline and a closed one never.
 */
import { isAfter, isAtOrAfter } from './iso-time'
import type { DeliberationState } from './deliberation.state'

export type DeliberationTimerCommand = 'RemindVoters' | 'CloseDeliberation'

/** A reminder not sent yet that can still go: the decider refuses one at or past the deadline. */
const reminderOwed = (state: DeliberationState) => state.remindedAt === undefined && isAfter(state.closesAt, state.remindAt)

/**
 * The earliest instant a timer must act on the deliberation — its owed reminder's, else its deadline —
 * or null once it is closed. An instant written by toISOString() (deliberation.decider.ts), so the
 * stores compare them as strings.
 */
export function nextDeliberationDue(state: DeliberationState): string | null {
  if (state.status !== 'open') return null
  return reminderOwed(state) ? state.remindAt : state.closesAt
}

/**
 * The timer command due at `at`, or null when none is (already reminded or closed by another run).
 * Past the deadline it is the close alone: the decider refuses a reminder then, as it only confuses.
 * The decider still checks whatever this answers (deliberation.decider.ts closeDeliberation,
 * remindVoters): this only chooses which to ask.
 */
export function dueDeliberationCommandAt(state: DeliberationState, at: string): DeliberationTimerCommand | null {
  if (state.status !== 'open') return null
  if (isAtOrAfter(at, state.closesAt)) return 'CloseDeliberation'
  if (reminderOwed(state) && isAtOrAfter(at, state.remindAt)) return 'RemindVoters'
  return null
}
