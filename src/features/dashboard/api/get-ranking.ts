/** Asks for the month's scorecard of an org's children (stats.ranking). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const getRanking = (input: ActionInput<'stats', 'ranking'>): Promise<ActionResult<'stats', 'ranking'>> => call('stats', 'ranking', input)
