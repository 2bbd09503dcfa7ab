/** Asks for one case as the caller may see it, with what she may do to it now (intake.get). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const getCase = (input: ActionInput<'intake', 'get'>): Promise<ActionResult<'intake', 'get'>> =>
  call('intake', 'get', input)
