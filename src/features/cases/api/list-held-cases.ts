/** Asks for the cases her org(s) hold, overdue first, with the counts per tab (escalation.inbox). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const listHeldCases = (input: ActionInput<'escalation', 'inbox'> = {}): Promise<ActionResult<'escalation', 'inbox'>> =>
  call('escalation', 'inbox', input)
