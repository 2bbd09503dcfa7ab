/**
 * The product defaults of the monthly scorecard and the early warning (docs/RULES.md "Statistics"), in
 * one place. The rules take a policy as an argument, so a deployment (or a test) can change the
 * numbers without touching them. A hotspot already raised keeps the window it was raised with.
 */
import type { Level } from '../../../types/enums'

export interface RankingPolicy {
  /**
   * Weights of the three rates in the score (响应率, 解决率, 满意率), as one county weights them. Any
   * non-negative numbers: the score divides by their sum, so 30/35/35 and 6/7/7 score alike.
   */
  weights: Readonly<{ response: number; solve: number; satisfaction: number }>
}

export interface HotspotPolicy {
  /** The window both rules count in: the last `windowDays` China-time days, today included. */
  windowDays: number
  /**
   * 多地同类 (spread): the same category reported in at least this many child orgs of one org within
   * the window — villages of a township, townships of a county, and so on up.
   */
  minChildren: Readonly<Record<Exclude<Level, 'village'>, number>>
  /**
   * 本村激增 (surge): a village's reports of one category within the window at least `factor` times
   * its usual number for such a window (its daily average over the `baselineDays` before the window,
   * times `windowDays`), and at least `minCases` of them.
   */
  surge: Readonly<{ baselineDays: number; factor: number; minCases: number }>
  /** Case ids an alert keeps to show the cases behind it (the newest). */
  maxCaseIds: number
}

export interface StatsPolicy {
  ranking: RankingPolicy
  hotspots: HotspotPolicy
}

export const DEFAULT_STATS_POLICY: StatsPolicy = Object.freeze({
  ranking: Object.freeze({ weights: Object.freeze({ response: 30, solve: 35, satisfaction: 35 }) }),
  hotspots: Object.freeze({
    windowDays: 14,
    minChildren: Object.freeze({ township: 3, county: 3, city: 3, province: 3 }),
    surge: Object.freeze({ baselineDays: 90, factor: 3, minCases: 3 }),
    maxCaseIds: 20,
  }),
})
