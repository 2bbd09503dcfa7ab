/** Asks to send a case up to the next level, with the reason (escalation.escalate). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const escalateCase = (input: ActionInput<'escalation', 'escalate'>): Promise<ActionResult<'escalation', 'escalate'>> =>
  call('escalation', 'escalate', input)
