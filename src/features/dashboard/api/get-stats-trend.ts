/** Asks for an org's subtree month by month, with the range's total (stats.trend). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const getStatsTrend = (input: ActionInput<'stats', 'trend'>): Promise<ActionResult<'stats', 'trend'>> => call('stats', 'trend', input)
