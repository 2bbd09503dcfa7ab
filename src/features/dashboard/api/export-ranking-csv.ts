/** Asks for the month's scorecard as a CSV for a 通报 (stats.exportRanking). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const exportRankingCsv = (input: ActionInput<'stats', 'exportRanking'>): Promise<ActionResult<'stats', 'exportRanking'>> =>
  call('stats', 'exportRanking', input)
