/** Publishes an announcement at her org (outreach.publish). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const publishAnnouncement = (input: ActionInput<'outreach', 'publish'>): Promise<ActionResult<'outreach', 'publish'>> =>
  call('outreach', 'publish', input)
