/** Asks for the children of an org, or the roots when no parent is given (account.orgs). */
import type { ActionInput, ActionResult } from '../../../types'
import { call } from '../cloud-client'

export const listOrgs = (input: ActionInput<'account', 'orgs'> = {}): Promise<ActionResult<'account', 'orgs'>> =>
  call('account', 'orgs', input)
