/**
 * `stats`: an org's figures for its whole subtree, read from counters kept in the same transactions
 * as the changes they count (never by scanning cases); the CSV export of the subtree's cases; the
 * monthly scorecard of its children (and its 通报 CSV); the early-warning alerts at it and below; its
 * month-by-month trend, and the cases behind each figure of its dashboard.
 * All are authorized by stats.guard.ts.
 */
import { defineFunction } from '../_shared/handler/define-function'
import { exportCsv } from './actions/export-csv.action'
import { exportRanking } from './actions/export-ranking.action'
import { hotspots } from './actions/hotspots.action'
import { overview } from './actions/overview.action'
import { ranking } from './actions/ranking.action'
import { trend } from './actions/trend.action'
import { cases } from './actions/cases.action'

export const statsFunction = defineFunction('stats', { overview, exportCsv, ranking, exportRanking, hotspots, trend, cases })
