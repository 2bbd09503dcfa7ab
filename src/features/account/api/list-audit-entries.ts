/** Asks for a page of the audit log of her org's subtree, newest first (account.audit). */
import type { ActionInput, ActionResult } from '../../../../types'
import { call } from '../../../shared/cloud-client'

export const listAuditEntries = (input: ActionInput<'account', 'audit'> = {}): Promise<ActionResult<'account', 'audit'>> =>
  call('account', 'audit', input)
