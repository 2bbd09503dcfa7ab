/** 我也遇到: asks to follow a case as a supporter (intake.meToo); again changes nothing. */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const meToo = (input: ActionInput<'intake', 'meToo'>): Promise<ActionResult<'intake', 'meToo'>> => call('intake', 'meToo', input)
