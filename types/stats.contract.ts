/**
 * The `stats` function: an org's figures for its whole subtree (from counters kept with every change,
 * current as of the last one), and a CSV of the subtree's cases for Excel.
 *
 * Who may ask: a cadre for any org on or below her binding, the admin for any org, a convener for her
 * own village; anyone else gets FORBIDDEN.
 */
import { z, id } from './zod-zh'
import type { CaseStatus, Category, Level } from './enums'

const orgId = id('组织')

/** A calendar day in China time (the day a cadre means), e.g. "2025-03-01". */
const day = (label: string) =>
  z
    .string({ error: `${label}格式不正确` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 2025-03-01` })
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00+08:00`)), { error: `${label}不是有效日期` })

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

export interface StatsResults {
  overview: StatsOverview
  exportCsv: StatsExport
}
