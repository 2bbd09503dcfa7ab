/** Asks which WeChat message templates to offer at a moment in the app (notify.templates). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const listMessageTemplates = (input: ActionInput<'notify', 'templates'> = {}): Promise<ActionResult<'notify', 'templates'>> =>
  call('notify', 'templates', input)
