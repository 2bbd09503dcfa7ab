/** She opened the list: what is published until now counts as read (outreach.markSeen). */
import type { ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const markAnnouncementsSeen = (): Promise<ActionResult<'outreach', 'markSeen'>> => call('outreach', 'markSeen', {})
