/**
 * The `stats` function: an org's figures for its whole subtree (from counters kept with every change,
 * current as of the last one), and a CSV of the subtree's cases for Excel.
 *
 * Who may ask: a cadre for any org on or below her binding, the admin for any org, a convener for her
 * own village; anyone else gets FORBIDDEN.
 */
import * as z from 'zod'
import { id } from './zod-zh'
import { CASE_STATUSES, Category, Level, type CaseStatus } from './enums'
import type { CaseSummary } from './case.contract'

const orgId = id('组织')

/** A calendar day in China time (the day a cadre means), e.g. "2025-03-01". */
const day = (label: string) =>
  z
    .string({ error: `${label}格式不正确` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 2025-03-01` })
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00+08:00`)), { error: `${label}不是有效日期` })

/** A calendar month in China time, e.g. "2026-11". */
const month = z
  .string({ error: (issue) => (issue.input === undefined ? '请选择月份' : '月份格式不正确') })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 2026-11' })

/** The most months one trend answers (two years). */
export const TREND_MAX_MONTHS = 24

/** Months between two "YYYY-MM", both counted (2026-01 … 2026-06 is 6). */
export const monthSpan = (from: string, to: string): number => {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7))
  return index(to) - index(from) + 1
}

/**
 * The figures a drill-down may name: one at a time, as a tap on one figure names it (the store keeps
 * one index per kind; docs/RULES.md "Statistics").
 */
export const DRILL_FACETS = ['status', 'category', 'level', 'overdue'] as const

/** What a tap on a figure of 数据看板 lists: the cases behind it, submitted in the months given. */
const drillFilter = z
  .object({
    status: z.enum(CASE_STATUSES, { error: '状态无效' }).optional(),
    category: Category.optional(),
    /** Cases whose final resolution was made at this level (在哪一级办结). */
    level: Level.optional(),
    /** Still open and late somewhere on the way (超期未办结). */
    overdue: z.literal(true, { error: '超期筛选无效' }).optional(),
    /** Submission months, China time, both counted. */
    from: month.optional(),
    to: month.optional(),
  })
  .refine((f) => DRILL_FACETS.filter((k) => f[k] !== undefined).length <= 1, { error: '一次只能查看一项数字背后的反映' })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: '开始月份不能晚于结束月份', path: ['to'] })

export type DrillFilter = z.infer<typeof drillFilter>

export const statsContract = {
  /** The figures of `orgId`'s subtree, and each child org's headline figures for drilling down. */
  overview: z.object({ orgId }),
  /**
   * The subtree's cases as CSV, one row per case submitted in it, oldest first; `from`/`to` are
   * submission days (China time), both inclusive. At most EXPORT_MAX_ROWS rows.
   */
  exportCsv: z
    .object({ orgId, from: day('开始日期').optional(), to: day('结束日期').optional() })
    .refine((input) => !input.from || !input.to || input.from <= input.to, {
      error: '开始日期不能晚于结束日期',
      path: ['to'],
    }),
  /**
   * The monthly scorecard of `orgId`'s children (its villages, for a township): each child's rates
   * for its subtree in that month, a score and a rank (docs/RULES.md "Statistics"). Without `month`:
   * the server's current month (China time), named in the answer.
   */
  ranking: z.object({ orgId, month: month.optional() }),
  /** The same scorecard as a CSV for a 通报 (bulletin), in rank order. */
  exportRanking: z.object({ orgId, month: month.optional() }),
  /** The live early-warning alerts at `orgId` and below it, with the cases behind each. */
  hotspots: z.object({ orgId }),
  /**
   * The subtree's month by month from `from` to `to` (both counted, at most TREND_MAX_MONTHS), from
   * the monthly counters: one read however many cases; with the range's totals.
   */
  trend: z
    .object({ orgId, from: month, to: month })
    .refine((input) => input.from <= input.to, { error: '开始月份不能晚于结束月份', path: ['to'] })
    .refine((input) => input.from > input.to || monthSpan(input.from, input.to) <= TREND_MAX_MONTHS, {
      error: `一次最多查看 ${TREND_MAX_MONTHS} 个月`,
      path: ['from'],
    }),
  /**
   * The cases behind one figure of the subtree (or all of them), submitted in the months given,
   * newest first, DRILL_PAGE a page; `cursor` is the previous page's `next`.
   */
  cases: z.object({
    orgId,
    filter: drillFilter.default({}),
    cursor: z.string({ error: '翻页位置无效' }).max(200, { error: '翻页位置无效' }).optional(),
  }),
}

/** Cases one page of stats.cases lists. */
export const DRILL_PAGE = 20

/** The early-warning rules: 多地同类 (one category in several child orgs) and 本村激增 (a village's surge). */
export const HOTSPOT_RULES = ['spread', 'surge'] as const
export type HotspotRule = (typeof HOTSPOT_RULES)[number]
export const HOTSPOT_RULE_LABELS: Record<HotspotRule, string> = {
  spread: '多地同类反映',
  surge: '反映量激增',
}

/** The most rows one export answers; `truncated` says when there were more. */
export const EXPORT_MAX_ROWS = 50_000

export interface OrgRef {
  id: string
  name: string
  level: Level
}

/**
 * stats.overview's figures (docs/RULES.md "Statistics"). Counts are whole numbers; rates are 0..1,
 * null when nothing to measure.
 */
export interface StatsFigures {
  cases: {
    /** Every case submitted in the subtree, whatever happened to it since. */
    total: number
    byStatus: Record<CaseStatus, number>
    byCategory: Record<Category, number>
    /**
     * Cases by the level of their final resolution (a case reopened and resolved again counts once,
     * where it was last resolved). Their sum = byStatus.resolved + byStatus.closed. 小事不出村 =
     * village ÷ sum; 大事不出乡镇 = (village + township) ÷ sum.
     */
    resolvedAtLevel: Record<Level, number>
  }
  /** Resolutions made by the resolve deadline of the level that made them ÷ resolutions. */
  onTimeRate: number | null
  /** 满意率: ratings 满意 or 基本满意 ÷ all ratings; every rating counts, including those that reopened a case. */
  satisfactionRate: number | null
  /** 解决率: ratings that answered 解决了 ÷ all ratings (部分解决 is not solved). */
  solveRate: number | null
  /** Hours from submission to final resolution, averaged over resolutions (one decimal). */
  avgHoursToResolve: number | null
  /** Per level: escalations away from it ÷ arrivals at it (province: always 0, nothing is above it). */
  escalationRate: Record<Level, number | null>
  deliberations: number
  /** Village/community councils in the subtree. */
  councils: number
  /** Council member bindings in the subtree. */
  members: number
}

export interface StatsChild extends OrgRef {
  /** Cases submitted in the child's subtree. */
  total: number
  /** Of those, resolved or closed (= the sum of its resolvedAtLevel). */
  resolved: number
  onTimeRate: number | null
}

export interface StatsOverview extends StatsFigures {
  org: OrgRef
  /** The org's children, by id, each with its own subtree's figures; [] for a village. */
  children: StatsChild[]
  /** The server's now when it answered. */
  asOf: string
}

export interface StatsExport {
  /** e.g. "议事会反映_道义街道_20250303.csv". */
  filename: string
  /** UTF-8 text starting with a BOM ("\uFEFF") so Excel reads the Chinese; CRLF line ends. */
  csv: string
  /** Data rows in `csv` (the header row not counted). */
  rows: number
  /** True when the subtree had more cases than one export holds: narrow the dates and export again. */
  truncated: boolean
  /** The most rows one export holds (EXPORT_MAX_ROWS). */
  maxRows: number
}

/** One child org's month on the scorecard. Rates 0..1, null when nothing to measure that month. */
export interface RankingItem {
  orgId: string
  name: string
  level: Level
  /** Cases filed in its subtree that month (本月反映). */
  cases: number
  /** 响应率: accepted within 24 h of arriving (by the accept deadline) ÷ acceptances that fell due. */
  responseRate: number | null
  /** 解决率: ratings answering 解决了 ÷ ratings of its resolutions. */
  solveRate: number | null
  /** 满意率: ratings 满意 or 基本满意 ÷ ratings of its resolutions. */
  satisfactionRate: number | null
  /** 按时办结率: resolved by the resolve deadline ÷ resolutions that fell due. */
  onTimeRate: number | null
  /** 催办 received that month. */
  urged: number
  /** 知识库更新数: standard answers it (or an org below it) saved that month; only cities and the province keep them. */
  kbUpdates: number
  /** 0..100, one decimal: the weighted mean of the three rates it has; null with none. */
  score: number | null
  /** 1 = best; equal scores share a rank; no score ranks last. */
  rank: number
}

export interface StatsRanking {
  org: OrgRef
  month: string
  /** The weights of 响应率, 解决率 and 满意率 in the score. */
  weights: { response: number; solve: number; satisfaction: number }
  /** The org's children, in rank order. */
  items: RankingItem[]
  asOf: string
}

export interface RankingExport {
  /** e.g. "议事会月度通报_沈北新区_2026-11.csv". */
  filename: string
  /** UTF-8 with a BOM, CRLF line ends, one row per child in rank order. */
  csv: string
  rows: number
}

/** One live early-warning alert. */
export interface HotspotItem {
  /** The alert's identity: rule, org, category and the first day of its window. */
  id: string
  rule: HotspotRule
  category: Category
  /** Where it was found: the township whose villages report it, the village that surges. */
  orgId: string
  orgName: string
  level: Level
  /** Child orgs that reported it within the window (villages of a township, townships of a county…); 1 for a surge. */
  villages: number
  children: { id: string; name: string }[]
  /** Reports of the category there within the window. */
  cases: number
  /** The first day (China time, "2026-11-20") of the window with one of them. */
  since: string
  raisedAt: string
  /** Surge: the village's usual number of such reports in a window that long. */
  usual?: number
  /** The newest reports behind it that the reader may see. */
  casesBehind: CaseSummary[]
}

export interface StatsHotspots {
  items: HotspotItem[]
  /** The window the rules count in, in days. */
  windowDays: number
  asOf: string
}

/**
 * One month of the trend (or the range's total), from the monthly counters (docs/RULES.md
 * "Statistics"). `submitted` counts the cases filed in the subtree; the others what the org and those
 * below it did that month (a case the county resolved counts for the county, not the township).
 * Rates 0..1, null when nothing to measure.
 */
export interface TrendFigures {
  /** 反映: cases filed in the subtree. */
  submitted: number
  /** 受理: rounds accepted (in time or late). */
  accepted: number
  /** 办结: resolutions made. */
  resolved: number
  /** 评价: ratings of its resolutions. */
  ratings: number
  satisfactionRate: number | null
  solveRate: number | null
  /** 按时办结率: resolved by the deadline ÷ resolutions that fell due. */
  onTimeRate: number | null
  /** 响应率: accepted within 24 h ÷ acceptances that fell due. */
  responseRate: number | null
}

export interface TrendMonth extends TrendFigures {
  month: string
}

export interface StatsTrend {
  org: OrgRef
  from: string
  to: string
  /** Every month from `from` to `to`, oldest first; a month nothing happened in is zeros. */
  months: TrendMonth[]
  /** The whole range: sums, and rates over the sums (not a mean of the months' rates). */
  total: TrendFigures
  asOf: string
}

/**
 * A case behind a figure, as the reader may see it. `openable` false: it has gone past her (escalated
 * above her org), so her case page would not show it; the row says so and does not open.
 */
export interface DrillCase extends CaseSummary {
  openable: boolean
}

export interface StatsCases {
  org: OrgRef
  items: DrillCase[]
  /** Pass as `cursor` for the next page; absent on the last one. */
  next?: string
  asOf: string
}

export interface StatsResults {
  overview: StatsOverview
  exportCsv: StatsExport
  ranking: StatsRanking
  exportRanking: RankingExport
  hotspots: StatsHotspots
  trend: StatsTrend
  cases: StatsCases
}
