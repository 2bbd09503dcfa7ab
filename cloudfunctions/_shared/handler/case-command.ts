/**
 * The declaration of an action that issues one command on one case (accept, resolve, rate …): who
 * she is from the store, the command built from her input, the case changed through the one save
 * path (commands/command-handler.ts), and the case answered as she now sees it. With text to check,
 * the command is first decided on the stored case, so a stranger's text is never worth a content check.
 */
import type { ActionName, ActionResult, FunctionName } from '../../../types/contract'
import type { CaseDetail } from '../../../types/case.contract'
import type { Person } from '../domain/actor.types'
import type { AuthAction } from '../domain/authorization.table'
import { visibilityOf } from '../domain/case.access'
import type { CaseCommand } from '../domain/case.commands'
import { caseAggregate } from '../commands/case.aggregate'
import { change, preview } from '../commands/command-handler'
import { loadPerson } from '../cases/load-person'
import { readCaseDetail } from '../cases/case-reads'
import type { ActionContext } from '../context/deps'
import type { ActionDeclaration, ActionInput } from './action'

/** What every command of a person carries. */
export type CommandBase = { at: string; actor: Person }

/** Actions whose input names a case and whose answer is that case (or null once out of her sight). */
type CaseActionName<F extends FunctionName> = {
  [A in ActionName<F>]: ActionInput<F, A> extends { caseId: string }
    ? ActionResult<F, A> extends { case: CaseDetail | null } ? A : never
    : never
}[ActionName<F>]

export interface CaseCommandSpec<F extends FunctionName, A extends ActionName<F>> {
  authorization: readonly AuthAction[]
  contentChecked?: (input: ActionInput<F, A>) => readonly (string | undefined)[]
  command: (input: ActionInput<F, A>, base: CommandBase) => CaseCommand
  /**
   * Escalating can take the case out of her sight (a cadre passing it up is not the level above's
   * supervisor): the change is made, so she is answered `case: null`, never NOT_FOUND.
   */
  mayLoseSight?: boolean
}

export function caseCommand<F extends FunctionName, A extends CaseActionName<F>>(
  fn: F,
  name: A,
  spec: CaseCommandSpec<F, A>,
): ActionDeclaration<F, A, Person> {
  const build = (ctx: ActionContext, input: ActionInput<F, A>, actor: Person) => () => spec.command(input, { at: ctx.now, actor })
  return {
    ...commandHead(fn, name, spec, async (ctx, input, actor) => {
      const text = spec.contentChecked?.(input).some((t) => t && t.trim())
      if (text) await preview(ctx.deps, caseAggregate, caseIdOf(input), build(ctx, input, actor))
    }),
    run: async (ctx, input, actor) => {
      const caseId = caseIdOf(input)
      const { state } = await change(ctx.deps, caseAggregate, caseId, build(ctx, input, actor))
      const visible = !spec.mayLoseSight || visibilityOf(actor, state) !== 'none'
      const detail = visible ? await readCaseDetail(ctx.deps.store, ctx.deps.files, caseId, actor, ctx.now) : null
      // CaseActionName guarantees the contract answers `{ case }` for this action.
      return { case: detail } as ActionResult<F, A>
    },
  }
}

/**
 * What every one-command declaration shares: a write with its rows and its text, and who she is
 * loaded first, then `check`ed before her text is (a stranger's text is not worth a content check).
 */
export function commandHead<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  name: A,
  spec: { authorization: readonly AuthAction[]; contentChecked?: (input: ActionInput<F, A>) => readonly (string | undefined)[] },
  check?: (ctx: ActionContext, input: ActionInput<F, A>, actor: Person) => Promise<void>,
): Omit<ActionDeclaration<F, A, Person>, 'run'> {
  return {
    fn,
    name,
    kind: 'write',
    authorization: spec.authorization,
    ...(spec.contentChecked && { contentChecked: spec.contentChecked }),
    authorize: async (ctx, input) => {
      const actor = await loadPerson(ctx.deps.store, ctx.openid)
      await check?.(ctx, input, actor)
      return actor
    },
  }
}

const caseIdOf = (input: unknown) => (input as { caseId: string }).caseId
