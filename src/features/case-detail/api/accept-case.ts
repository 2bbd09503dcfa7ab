/** Asks to accept a case her org holds (escalation.accept). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const acceptCase = (input: ActionInput<'escalation', 'accept'>): Promise<ActionResult<'escalation', 'accept'>> =>
  call('escalation', 'accept', input)
