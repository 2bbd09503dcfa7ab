/** Asks to open a deliberation on a case or a free topic (deliberation.open). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const openDeliberation = (input: ActionInput<'deliberation', 'open'>): Promise<ActionResult<'deliberation', 'open'>> =>
  call('deliberation', 'open', input)
