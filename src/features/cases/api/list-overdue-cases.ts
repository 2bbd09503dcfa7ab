/** Asks for the open cases below her that missed a deadline on their way (escalation.overdue). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const listOverdueCases = (input: ActionInput<'escalation', 'overdue'> = {}): Promise<ActionResult<'escalation', 'overdue'>> =>
  call('escalation', 'overdue', input)
