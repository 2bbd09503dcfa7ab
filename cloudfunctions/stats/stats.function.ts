/**
 * `stats`: an org's figures for its whole subtree, read from counters kept in the same transactions
 * as the changes they count (never by scanning cases), and the CSV export of the subtree's cases;
 * both are authorized by stats.guard.ts.
 */
import { defineFunction } from '../_shared/handler/define-function'
import { exportCsv } from './actions/export-csv.action'
import { overview } from './actions/overview.action'

export const statsFunction = defineFunction('stats', { overview, exportCsv })
