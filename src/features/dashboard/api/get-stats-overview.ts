/** Asks for the figures of an org's subtree and each child's headline figures (stats.overview). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const getStatsOverview = (input: ActionInput<'stats', 'overview'>): Promise<ActionResult<'stats', 'overview'>> =>
  call('stats', 'overview', input)
