/** Asks for a page of the cases behind one figure of 数据看板 (stats.cases). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const listFigureCases = (input: ActionInput<'stats', 'cases'>): Promise<ActionResult<'stats', 'cases'>> => call('stats', 'cases', input)
