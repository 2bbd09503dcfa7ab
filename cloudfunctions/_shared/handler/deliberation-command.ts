/**
 * The declaration of an action that issues one command on one deliberation (vote, comment, close …):
 * who she is from the store, the command built in the change's own transaction (a ballot is decided
 * on her current ballot), the deliberation changed through the one save path
 * (commands/command-handler.ts), and the deliberation answered as she now sees it.
 */
import type { ActionName, ActionResult, FunctionName } from '../../../types/contract'
import type { DeliberationDetail } from '../../../types/deliberation.contract'
import type { Person } from '../domain/actor.types'
import type { AuthAction } from '../domain/authorization.table'
import type { DeliberationCommand } from '../domain/deliberation.commands'
import { deliberationAggregate } from '../commands/deliberation.aggregate'
import { change } from '../commands/command-handler'
import { readDetail } from '../deliberations/deliberation-reads'
import type { ActionContext } from '../context/deps'
import type { Repositories } from '../ports/store.port'
import type { ActionDeclaration, ActionInput } from './action'
import { commandHead, type CommandBase } from './case-command'

type DeliberationActionName<F extends FunctionName> = {
  [A in ActionName<F>]: ActionInput<F, A> extends { deliberationId: string }
    ? ActionResult<F, A> extends { deliberation: DeliberationDetail } ? A : never
    : never
}[ActionName<F>]

export interface DeliberationCommandSpec<F extends FunctionName, A extends ActionName<F>> {
  authorization: readonly AuthAction[]
  contentChecked?: (input: ActionInput<F, A>) => readonly (string | undefined)[]
  /** Who may, checked before her text is (a stranger's text is not worth a content check). */
  authorize?: (ctx: ActionContext, input: ActionInput<F, A>, actor: Person) => Promise<void>
  command: (input: ActionInput<F, A>, base: CommandBase, tx: Repositories, ctx: ActionContext) => Promise<DeliberationCommand> | DeliberationCommand
  /**
   * A ballot's answer carries her ballot and the counts, not the audit list and the roll: those read
   * every ballot (O(members) per vote); the page fetches them with `get` when it shows them.
   */
  withBallots?: boolean
}

export function deliberationCommand<F extends FunctionName, A extends DeliberationActionName<F>>(
  fn: F,
  name: A,
  spec: DeliberationCommandSpec<F, A>,
): ActionDeclaration<F, A, Person> {
  return {
    ...commandHead(fn, name, spec, spec.authorize),
    run: async (ctx, input, actor) => {
      const id = (input as { deliberationId: string }).deliberationId
      await change(ctx.deps, deliberationAggregate, id, (_state, tx) => spec.command(input, { at: ctx.now, actor }, tx, ctx))
      const deliberation = await readDetail(ctx.deps.store, id, actor, ctx.now, { withBallots: spec.withBallots ?? true })
      // DeliberationActionName guarantees the contract answers `{ deliberation }` for this action.
      return { deliberation } as ActionResult<F, A>
    },
  }
}
