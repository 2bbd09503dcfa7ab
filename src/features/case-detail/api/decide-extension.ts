/** Answers the pending 延期 request of a case below (escalation.decideExtension). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const decideExtension = (
  input: ActionInput<'escalation', 'decideExtension'>,
): Promise<ActionResult<'escalation', 'decideExtension'>> => call('escalation', 'decideExtension', input)
