/** Asks where a member arriving from a group chat should land: its council and open deliberation (deliberation.resolveGroup). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const resolveGroup = (input: ActionInput<'deliberation', 'resolveGroup'>): Promise<ActionResult<'deliberation', 'resolveGroup'>> =>
  call('deliberation', 'resolveGroup', input)
