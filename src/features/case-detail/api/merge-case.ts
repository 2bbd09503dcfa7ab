/** Asks to close a duplicate into another open case her org holds (escalation.merge, 合并办理). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const mergeCase = (input: ActionInput<'escalation', 'merge'>): Promise<ActionResult<'escalation', 'merge'>> => call('escalation', 'merge', input)
