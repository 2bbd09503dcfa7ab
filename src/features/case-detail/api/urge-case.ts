/** Asks to press the holder of a case to act (催办), with an optional note (escalation.urge). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const urgeCase = (input: ActionInput<'escalation', 'urge'>): Promise<ActionResult<'escalation', 'urge'>> =>
  call('escalation', 'urge', input)
