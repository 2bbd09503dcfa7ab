/**
 * When a holder org must act. Both deadlines run from the case's arrival at its current level, so
 * every move (escalation, hand-back, reopening) restarts the clock for the org that receives it.
 */
import type { Level } from '../../../types/enums'
import { DEFAULT_CASE_POLICY, type CasePolicy } from './domain.config'
import { DAY_MS, HOUR_MS, addMs, toMs } from './iso-time'

export interface Deadlines {
  acceptBy: string
  resolveBy: string
}

export function deadlinesAt(
  level: Level,
  arrivedAt: string,
  policy: CasePolicy = DEFAULT_CASE_POLICY,
): Deadlines {
  return {
    acceptBy: addMs(arrivedAt, policy.acceptWithinHours[level] * HOUR_MS),
    resolveBy: addMs(arrivedAt, policy.resolveWithinDays[level] * DAY_MS),
  }
}

export function autoCloseAt(resolvedAt: string, policy: CasePolicy = DEFAULT_CASE_POLICY): string {
  return addMs(resolvedAt, policy.autoCloseAfterDays * DAY_MS)
}

/**
 * When the holder is reminded of a deadline (临期提醒): `remindHoursBefore` before it, but never in
 * the first half of the time it had, counted from the arrival that set it.
 */
export function reminderAt(deadline: string, arrivedAt: string, policy: CasePolicy = DEFAULT_CASE_POLICY): string {
  const end = toMs(deadline)
  const halfway = Math.ceil((toMs(arrivedAt) + end) / 2)
  return new Date(Math.max(end - policy.remindHoursBefore * HOUR_MS, halfway)).toISOString()
}
