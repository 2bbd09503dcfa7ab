/**
 * The contract of every function: its actions' input schemas and result types. The client and the
 * handlers both read it; nothing else crosses between them.
 */
import type { z } from 'zod'
import { accountContract, type AccountResults } from './account.contract'
import { escalationContract, type EscalationResults } from './escalation.contract'
import { intakeContract, type IntakeResults } from './intake.contract'
import { notifyContract, type NotifyResults } from './notify.contract'

export const contracts = {
  account: accountContract,
  escalation: escalationContract,
  intake: intakeContract,
  notify: notifyContract,
}

export interface Results {
  account: AccountResults
  escalation: EscalationResults
  intake: IntakeResults
  notify: NotifyResults
}

export type FunctionName = keyof typeof contracts
export type ActionName<F extends FunctionName> = keyof (typeof contracts)[F] & string
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<
  (typeof contracts)[F][A] & z.ZodType
>
export type ActionResult<F extends FunctionName, A extends ActionName<F>> = A extends keyof Results[F]
  ? Results[F][A]
  : never
