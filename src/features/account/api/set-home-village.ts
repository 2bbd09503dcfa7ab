/** She picks the village or community she lives in (account.setHomeVillage). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const setHomeVillage = (input: ActionInput<'account', 'setHomeVillage'>): Promise<ActionResult<'account', 'setHomeVillage'>> =>
  call('account', 'setHomeVillage', input)
