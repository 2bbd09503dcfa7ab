/** Asks for one deliberation as the caller may see it (deliberation.get). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const getDeliberation = (input: ActionInput<'deliberation', 'get'>): Promise<ActionResult<'deliberation', 'get'>> =>
  call('deliberation', 'get', input)
