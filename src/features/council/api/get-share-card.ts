/** The group card's WeChat activity id before sharing (deliberation.shareCard). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const getShareCard = (input: ActionInput<'deliberation', 'shareCard'>): Promise<ActionResult<'deliberation', 'shareCard'>> =>
  call('deliberation', 'shareCard', input)
