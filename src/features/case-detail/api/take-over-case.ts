/** Asks to pull a case up to the caller's own org (提级办理), with the reason (escalation.takeOver). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const takeOverCase = (input: ActionInput<'escalation', 'takeOver'>): Promise<ActionResult<'escalation', 'takeOver'>> =>
  call('escalation', 'takeOver', input)
