/** Asks to bind the council's WeChat group chat, from its ticket (deliberation.bindGroup). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const bindGroup = (input: ActionInput<'deliberation', 'bindGroup'>): Promise<ActionResult<'deliberation', 'bindGroup'>> =>
  call('deliberation', 'bindGroup', input)
