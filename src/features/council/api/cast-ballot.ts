/** Asks to cast or change her ballot (deliberation.vote). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const castBallot = (input: ActionInput<'deliberation', 'vote'>): Promise<ActionResult<'deliberation', 'vote'>> =>
  call('deliberation', 'vote', input)
