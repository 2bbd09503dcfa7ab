/**
 * A cloud function is a name, one declaration per action of its contract (action.ts), and optionally
 * timer jobs and handlers of WeChat's message pushes.
 */
import type { ActionName, FunctionName } from '../../../types/contract'
import type { ActionDeclaration, RunnableAction } from './action'
import type { JobContext } from '../context/deps'
import type { PushEventName } from './push-event'

/** One declaration per action of the function's contract (action.ts), by name. */
export type ActionDeclarations<F extends FunctionName> = {
  // What `authorize` hands `run` is each declaration's own business (checked where it is declared).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [A in ActionName<F>]: ActionDeclaration<F, A, any>
}

/** A timer job: selects what is due, acts, and reports what it did (for logs and /__dev/tick). */
export type Job = (ctx: JobContext) => Promise<Record<string, number>>

/**
 * A message push from WeChat (handler/push-event.ts), run with a job's context: nobody is calling, the
 * platform is telling. It reads the push itself (WeChat's shape, not our contract) and reports what it
 * did; it must be repeat-safe, since the same push may come twice.
 */
export type PushHandler = (ctx: JobContext, push: Record<string, unknown>) => Promise<Record<string, number>>

export interface FunctionDef<F extends FunctionName = FunctionName> {
  name: F
  actions: ActionDeclarations<F>
  jobs: Record<string, Job>
  /** By the push's `Event`; the console's message-push settings send that event to this function. */
  pushes?: Partial<Record<PushEventName, PushHandler>>
}

export function defineFunction<F extends FunctionName>(
  name: F,
  actions: ActionDeclarations<F>,
  jobs: Record<string, Job> = {},
  pushes: FunctionDef['pushes'] = {},
): FunctionDef<F> {
  return { name, actions, jobs, pushes }
}

/** The declaration of an action by its wire name, or undefined for a name the function lacks. */
export function declarationOf(fn: FunctionDef, action: string): RunnableAction | undefined {
  const actions = byName(fn)
  return Object.hasOwn(actions, action) ? actions[action] : undefined
}

/** Every declaration of the function. */
export const declarationsOf = (fn: FunctionDef): RunnableAction[] => Object.values(byName(fn))

// The declarations' types are checked where each is declared (action.ts); here only their shape counts.
const byName = (fn: FunctionDef) => fn.actions as unknown as Record<string, RunnableAction>

