/** Asks to record the templates she just allowed in WeChat's dialog (notify.subscribe). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const recordAllowedMessages = (input: ActionInput<'notify', 'subscribe'>): Promise<ActionResult<'notify', 'subscribe'>> =>
  call('notify', 'subscribe', input)
