/** The convener's 提醒未投票的成员 (deliberation.remindVoters). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const remindVoters = (input: ActionInput<'deliberation', 'remindVoters'>): Promise<ActionResult<'deliberation', 'remindVoters'>> =>
  call('deliberation', 'remindVoters', input)
