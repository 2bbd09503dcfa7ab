/** Asks to record the outcome of a case and resolve it (escalation.resolve). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const resolveCase = (input: ActionInput<'escalation', 'resolve'>): Promise<ActionResult<'escalation', 'resolve'>> =>
  call('escalation', 'resolve', input)
