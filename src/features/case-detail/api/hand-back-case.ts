/** Asks to hand a case down to a lower org, with instructions (escalation.handBack). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const handBackCase = (input: ActionInput<'escalation', 'handBack'>): Promise<ActionResult<'escalation', 'handBack'>> =>
  call('escalation', 'handBack', input)
