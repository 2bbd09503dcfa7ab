/** Asks to mark some of her messages, or all of them, as read (notify.markRead). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const markMessagesRead = (input: ActionInput<'notify', 'markRead'>): Promise<ActionResult<'notify', 'markRead'>> =>
  call('notify', 'markRead', input)
