/**
 * The contract of every function: its actions' input schemas and result types. The client and the
 * handlers both read it; nothing else crosses between them.
 */
import type { z } from 'zod'
import { accountContract, type AccountResults } from './account.contract'
import { deliberationContract, type DeliberationResults } from './deliberation.contract'
import { escalationContract, type EscalationResults } from './escalation.contract'
import { intakeContract, type IntakeResults } from './intake.contract'
import { notifyContract, type NotifyResults } from './notify.contract'
import { outreachContract, type OutreachResults } from './outreach.contract'
import { statsContract, type StatsResults } from './stats.contract'

export const contracts = {
  account: accountContract,
  deliberation: deliberationContract,
  escalation: escalationContract,
  intake: intakeContract,
  notify: notifyContract,
  outreach: outreachContract,
  stats: statsContract,
}

export interface Results {
  account: AccountResults
  deliberation: DeliberationResults
  escalation: EscalationResults
  intake: IntakeResults
  notify: NotifyResults
  outreach: OutreachResults
  stats: StatsResults
}

export type FunctionName = keyof typeof contracts
export type ActionName<F extends FunctionName> = keyof (typeof contracts)[F] & string
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<
  (typeof contracts)[F][A] & z.ZodType
>
export type ActionResult<F extends FunctionName, A extends ActionName<F>> = A extends keyof Results[F]
  ? Results[F][A]
  : never
