/** Asks for 本村已有类似反映: the village's open cases of that category anyone may follow (intake.similar). */
import type { ActionInput, ActionResult } from '../../../types'
import { call } from '../cloud-client'

export const listSimilarCases = (input: ActionInput<'intake', 'similar'>): Promise<ActionResult<'intake', 'similar'>> => call('intake', 'similar', input)
