/** Asks to move a misrouted case to the right org at its level (转办, escalation.transfer). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const transferCase = (input: ActionInput<'escalation', 'transfer'>): Promise<ActionResult<'escalation', 'transfer'>> =>
  call('escalation', 'transfer', input)
