/**
 * What an action is, declared once in its own file (`cloudfunctions/<fn>/actions/<name>.action.ts`):
 * its contract entry (function and name), whether it reads or writes, the rows of the authorization
 * table that decide who may, the input text WeChat's content check reads, how a resend is recognised,
 * and what it does. handle.ts runs every declaration the same way; nothing else lists actions.
 */
import type { z } from 'zod'
import type { contracts, ActionName, ActionResult, FunctionName } from '../../../types/contract'
import type { AuthAction } from '../domain/authorization.table'
import type { ActionContext } from '../context/deps'

type Schema<F extends FunctionName, A extends ActionName<F>> = (typeof contracts)[F][A] & z.ZodType
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.output<Schema<F, A>>

/** A read is not counted against the write limit and queues nothing to deliver. */
export type ActionKind = 'read' | 'write'

/** `L`: what `authorize` loaded, handed to `run` so nothing is read twice. */
export type ActionDeclaration<F extends FunctionName, A extends ActionName<F>, L = void> = Declaration<F, A, ActionInput<F, A>, ActionResult<F, A>, L>

/** Declares an action; the types tie its runner to its contract entry. */
export const defineAction = <F extends FunctionName, A extends ActionName<F>, L = void>(declaration: ActionDeclaration<F, A, L>) => declaration

/**
 * A declaration as the pipeline runs it, its types erased: handle.ts parses the input with the same
 * contract entry before calling it, which is what the declaration's types promise.
 */
export type RunnableAction = Declaration<FunctionName, string, unknown, unknown, unknown>

interface Declaration<F, A, Input, Result, L> {
  fn: F
  name: A
  kind: ActionKind
  /**
   * The rows of domain/authorization.table.ts that decide who may (and what of the answer she sees);
   * empty for what anyone signed in may do. The rules that read them run in `authorize` or `run`;
   * the authorization matrix test calls the action in every cell of these rows.
   */
  authorization: readonly AuthAction[]
  /**
   * An idempotency key's answer: the answer already given to this request, or null. Asked before the
   * write limit, so a resend gets its answer whatever the limits say (its first send was counted).
   */
  resend?: (ctx: ActionContext, input: Input) => Promise<Result | null>
  /**
   * Who may, checked on what is stored before anything slow or paid runs (the content check). An action
   * whose `run` decides alone (the decider authorizes) leaves it out when it has no text to check.
   */
  authorize?: (ctx: ActionContext, input: Input) => Promise<L>
  /** The person's text in the input, checked by WeChat after `authorize` and before `run`. */
  contentChecked?: (input: Input) => readonly (string | undefined)[]
  /** Load, decide, save with the outbox rows in one transaction; answer as the contract says. */
  run: (ctx: ActionContext, input: Input, loaded: L) => Promise<Result>
}
