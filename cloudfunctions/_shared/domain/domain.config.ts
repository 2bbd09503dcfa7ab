/**
 * The product defaults of the case lifecycle, in one place (docs/RULES.md "The ladder and deadlines").
 * The decider takes a policy as an argument so a deployment (or a test) can change the numbers
 * without touching the rules; deadlines already set on a case keep the policy they were set under.
 */
import type { Level } from '../../../types/enums'

export interface CasePolicy {
  /** Hours the holder org has to accept a case, counted from its arrival at that level. */
  acceptWithinHours: Readonly<Record<Level, number>>
  /** Days the holder org has to resolve a case, counted from its arrival at that level. */
  resolveWithinDays: Readonly<Record<Level, number>>
  /** Days after resolution before an unrated case closes by itself. */
  autoCloseAfterDays: number
  /**
   * How many times a rating (部分解决/没解决, confirmed) may reopen a case. Past this the
   * rating is still recorded but the case closes: without a cap a case at the province could be
   * reopened forever. 4 lets a case climb from the village to the province by ratings alone.
   */
  maxReopens: number
  /**
   * 临期提醒: the holder is told this many hours before each running deadline, but never in the first
   * half of its time (with 24 h to accept, a reminder 24 h before would arrive with the case itself).
   */
  remindHoursBefore: number
  /**
   * 催办: one org urges the same holder at most once in this many hours; each urge is a message to
   * every cadre of the holder, and a second tap is no more urgent than the first.
   */
  urgeIntervalHours: number
  /**
   * 转办: the holder may move a misrouted case to the right org at its level within this many hours
   * of its arrival (Shandong's 12345 returns a misrouted order within 2 working days; there is no
   * working-day calendar here, so 48 hours); the parent org's cadre may at any time.
   */
  transferWithinHours: number
}

export const DEFAULT_CASE_POLICY: CasePolicy = Object.freeze({
  acceptWithinHours: Object.freeze({ village: 24, township: 24, county: 24, city: 24, province: 24 }),
  resolveWithinDays: Object.freeze({ village: 7, township: 10, county: 15, city: 20, province: 30 }),
  autoCloseAfterDays: 7,
  maxReopens: 4,
  remindHoursBefore: 24,
  urgeIntervalHours: 24,
  transferWithinHours: 48,
})
