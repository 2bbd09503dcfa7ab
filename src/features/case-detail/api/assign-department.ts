/** Asks to bring a partner department into a case, with a follow-up date (escalation.assign). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const assignDepartment = (input: ActionInput<'escalation', 'assign'>): Promise<ActionResult<'escalation', 'assign'>> =>
  call('escalation', 'assign', input)
