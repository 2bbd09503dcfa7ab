/**
 * When a holder org must act. Both deadlines run from the case's arrival at its current level, so
 * every move (escalation, hand-back, reopening) restarts the clock for the org that receives it.
 */
import type { Level } from '../../../types/enums'
import { DEFAULT_CASE_POLICY, type CasePolicy } from './domain.config'
import { DAY_MS, HOUR_MS, addMs } from './iso-time'

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
