/** Asks to record the ballot of a member who agreed by phone (deliberation.proxyVote). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const castProxyBallot = (input: ActionInput<'deliberation', 'proxyVote'>): Promise<ActionResult<'deliberation', 'proxyVote'>> =>
  call('deliberation', 'proxyVote', input)
