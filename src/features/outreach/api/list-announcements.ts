/** The announcements of her line, marked unread or not (outreach.feed). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const listAnnouncements = (input: ActionInput<'outreach', 'feed'> = {}): Promise<ActionResult<'outreach', 'feed'>> =>
  call('outreach', 'feed', input)
