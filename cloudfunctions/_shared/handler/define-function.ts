/**
 * A cloud function is a name, one runner per action of its contract, and optionally timer jobs.
 * The types tie each runner's input to its schema and its result to the contract's result type.
 */
import type { z } from 'zod'
import { contracts, type ActionName, type ActionResult, type FunctionName } from '../../../types/contract'
import type { ActionContext, JobContext } from './deps'

type Schema<F extends FunctionName, A extends ActionName<F>> = (typeof contracts)[F][A] & z.ZodType

export type ActionRunners<F extends FunctionName> = {
  [A in ActionName<F>]: (ctx: ActionContext, input: z.output<Schema<F, A>>) => Promise<ActionResult<F, A>>
}

/** A timer job: selects what is due, acts, and reports what it did (for logs and /__dev/tick). */
export type Job = (ctx: JobContext) => Promise<Record<string, number>>

export interface FunctionDef<F extends FunctionName = FunctionName> {
  name: F
  actions: ActionRunners<F>
  jobs: Record<string, Job>
}

export function defineFunction<F extends FunctionName>(
  name: F,
  actions: ActionRunners<F>,
  jobs: Record<string, Job> = {},
): FunctionDef<F> {
  return { name, actions, jobs }
}
