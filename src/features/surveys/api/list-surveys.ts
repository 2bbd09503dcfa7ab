/** The surveys reaching her, with how many wait for her answer (outreach.surveys). */
import type { ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const listSurveys = (): Promise<ActionResult<'outreach', 'surveys'>> => call('outreach', 'surveys', {})
