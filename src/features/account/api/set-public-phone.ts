/** Publishes the number her council's residents may call, or clears it with null (account.setPublicPhone). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const setPublicPhone = (input: ActionInput<'account', 'setPublicPhone'>): Promise<ActionResult<'account', 'setPublicPhone'>> =>
  call('account', 'setPublicPhone', input)
