/** Asks for her messages, newest first, and how many are unread (notify.inbox). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const listMessages = (input: ActionInput<'notify', 'inbox'> = {}): Promise<ActionResult<'notify', 'inbox'>> =>
  call('notify', 'inbox', input)
