/** Asks for the live early-warning alerts at an org and below it (stats.hotspots). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const listHotspots = (input: ActionInput<'stats', 'hotspots'>): Promise<ActionResult<'stats', 'hotspots'>> =>
  call('stats', 'hotspots', input)
