/** Takes an announcement down (outreach.retire). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const retireAnnouncement = (input: ActionInput<'outreach', 'retire'>): Promise<ActionResult<'outreach', 'retire'>> =>
  call('outreach', 'retire', input)
