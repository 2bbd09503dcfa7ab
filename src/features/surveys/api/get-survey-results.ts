/** A survey's counts, overall and per child org, and for those who asked a page of free answers (outreach.surveyResults). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const getSurveyResults = (input: ActionInput<'outreach', 'surveyResults'>): Promise<ActionResult<'outreach', 'surveyResults'>> =>
  call('outreach', 'surveyResults', input)
