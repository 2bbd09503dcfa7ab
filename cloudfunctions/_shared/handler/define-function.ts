/**
 * A cloud function is a name, one runner per action of its contract, and optionally timer jobs and
 * handlers of WeChat's message pushes. The types tie each runner's input to its schema and its result
 * to the contract's result type.
 */
import type { z } from 'zod'
import { contracts, type ActionName, type ActionResult, type FunctionName } from '../../../types/contract'
import type { ActionContext, JobContext } from '../context/deps'
import type { PushEventName } from './push-event'

type Schema<F extends FunctionName, A extends ActionName<F>> = (typeof contracts)[F][A] & z.ZodType

export type ActionRunners<F extends FunctionName> = {
  [A in ActionName<F>]: (ctx: ActionContext, input: z.output<Schema<F, A>>) => Promise<ActionResult<F, A>>
}

/** A timer job: selects what is due, acts, and reports what it did (for logs and /__dev/tick). */
export type Job = (ctx: JobContext) => Promise<Record<string, number>>

/**
 * A message push from WeChat (handler/push-event.ts), run with a job's context: nobody is calling, the
 * platform is telling. It reads the push itself (WeChat's shape, not our contract) and reports what it
 * did; it must be repeat-safe, since the same push may come twice.
 */
export type PushHandler = (ctx: JobContext, push: Record<string, unknown>) => Promise<Record<string, number>>

export type PushHandlers = Partial<Record<PushEventName, PushHandler>>

/**
 * An action's idempotency key lookup: the answer already given to this request (a report's
 * clientRequestId), or null when it was never answered. The handler asks it before the write limit, so
 * a resend of a request already answered gets its answer whatever the limits say; its first send was
 * counted. It changes nothing but what the first send may have left unfinished.
 */
export type ResendLookups<F extends FunctionName> = {
  [A in ActionName<F>]?: (ctx: ActionContext, input: z.output<Schema<F, A>>) => Promise<ActionResult<F, A> | null>
}

export interface FunctionDef<F extends FunctionName = FunctionName> {
  name: F
  actions: ActionRunners<F>
  jobs: Record<string, Job>
  /** By the push's `Event`; the console's message-push settings send that event to this function. */
  pushes?: PushHandlers
  /** By action: how to recognise a resend of a request already answered (ResendLookups). */
  resends?: ResendLookups<F>
}

export function defineFunction<F extends FunctionName>(
  name: F,
  actions: ActionRunners<F>,
  jobs: Record<string, Job> = {},
  pushes: PushHandlers = {},
  resends: ResendLookups<F> = {},
): FunctionDef<F> {
  return { name, actions, jobs, pushes, resends }
}
