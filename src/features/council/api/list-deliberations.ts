/** Asks for the deliberations of her councils, newest first (deliberation.list). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const listDeliberations = (input: ActionInput<'deliberation', 'list'> = {}): Promise<ActionResult<'deliberation', 'list'>> =>
  call('deliberation', 'list', input)
