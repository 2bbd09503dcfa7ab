/** Closes a survey before its deadline (outreach.closeSurvey). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const closeSurvey = (input: ActionInput<'outreach', 'closeSurvey'>): Promise<ActionResult<'outreach', 'closeSurvey'>> =>
  call('outreach', 'closeSurvey', input)
