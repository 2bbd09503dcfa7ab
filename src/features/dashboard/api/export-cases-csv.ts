/** Asks for the cases of an org's subtree as a CSV file Excel can open (stats.exportCsv). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const exportCasesCsv = (input: ActionInput<'stats', 'exportCsv'>): Promise<ActionResult<'stats', 'exportCsv'>> =>
  call('stats', 'exportCsv', input)
