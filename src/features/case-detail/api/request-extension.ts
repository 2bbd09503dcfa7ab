/** Asks the level above for more days on the resolve deadline (申请延期, escalation.requestExtension). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const requestExtension = (
  input: ActionInput<'escalation', 'requestExtension'>,
): Promise<ActionResult<'escalation', 'requestExtension'>> => call('escalation', 'requestExtension', input)
