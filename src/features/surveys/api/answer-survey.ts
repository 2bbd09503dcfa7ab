/** Sends her answer, or her changed one (outreach.answerSurvey). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const answerSurvey = (input: ActionInput<'outreach', 'answerSurvey'>): Promise<ActionResult<'outreach', 'answerSurvey'>> =>
  call('outreach', 'answerSurvey', input)
