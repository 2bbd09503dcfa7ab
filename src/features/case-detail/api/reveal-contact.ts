/** Asks for the full number of the woman behind a case she handles; the server audits it (intake.revealContact). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const revealContact = (input: ActionInput<'intake', 'revealContact'>): Promise<ActionResult<'intake', 'revealContact'>> =>
  call('intake', 'revealContact', input)
