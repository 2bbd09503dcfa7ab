/** Asks for the cases she reported, newest first (intake.mine). */
import type { ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const listMyCases = (): Promise<ActionResult<'intake', 'mine'>> => call('intake', 'mine', {})
