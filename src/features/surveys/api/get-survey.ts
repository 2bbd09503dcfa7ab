/** One survey with its questions and her own answer (outreach.survey). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const getSurvey = (input: ActionInput<'outreach', 'survey'>): Promise<ActionResult<'outreach', 'survey'>> => call('outreach', 'survey', input)
