/** Opens a survey at her org (outreach.openSurvey). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const openSurvey = (input: ActionInput<'outreach', 'openSurvey'>): Promise<ActionResult<'outreach', 'openSurvey'>> =>
  call('outreach', 'openSurvey', input)
