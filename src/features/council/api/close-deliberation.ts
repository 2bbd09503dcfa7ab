/** Asks to close the vote now, before its deadline (deliberation.close). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const closeDeliberation = (input: ActionInput<'deliberation', 'close'>): Promise<ActionResult<'deliberation', 'close'>> =>
  call('deliberation', 'close', input)
