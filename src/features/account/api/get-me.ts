/** Asks who the caller is and which roles she holds where (account.me). */
import type { ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const getMe = (): Promise<ActionResult<'account', 'me'>> => call('account', 'me', {})
