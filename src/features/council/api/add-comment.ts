/** Asks to add her comment to the discussion (deliberation.comment). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const addComment = (input: ActionInput<'deliberation', 'comment'>): Promise<ActionResult<'deliberation', 'comment'>> =>
  call('deliberation', 'comment', input)
