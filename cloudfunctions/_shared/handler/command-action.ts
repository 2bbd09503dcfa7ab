/**
 * The declaration of an action that issues one command on one case (accept, resolve, rate …) or on one
 * deliberation (vote, comment, close …): who she is, checked before her text is (a stranger's text is
 * never worth a content check), the command built from her input, the aggregate changed through the
 * one save path (commands/command-handler.ts), and answered as she now sees it.
 */
import type { ActionName, ActionResult, FunctionName } from '../../../types/contract'
import type { CaseDetail } from '../../../types/case.contract'
import type { DeliberationDetail } from '../../../types/deliberation.contract'
import type { Person } from '../domain/actor.types'
import type { AuthAction } from '../domain/authorization.table'
import { visibilityOf } from '../domain/case.access'
import type { CaseCommand } from '../domain/case.commands'
import type { CaseState } from '../domain/case.state'
import type { DeliberationCommand } from '../domain/deliberation.commands'
import type { DeliberationState } from '../domain/deliberation.state'
import { caseAggregate } from '../commands/case.aggregate'
import { ballotOfViewerAfter, deliberationAggregate } from '../commands/deliberation.aggregate'
import { change, preview } from '../commands/command-handler'
import { readCaseDetail } from '../cases/case-view'
import { readDetail } from '../deliberations/deliberation-view'
import type { ActionContext } from '../context/deps'
import type { Repositories } from '../ports/store.port'
import type { ActionDeclaration, ActionInput } from './action'

/** What every command of a person carries. */
type CommandBase = { at: string; actor: Person }

/** The actions whose input names the aggregate by `Id` and whose answer is it, under `Answer`, as a `T`. */
type ActionsOn<F extends FunctionName, Id extends string, Answer extends string, T> = {
  [A in ActionName<F>]: ActionInput<F, A> extends Record<Id, string> ? (ActionResult<F, A> extends Record<Answer, T> ? A : never) : never
}[ActionName<F>]

interface CommandSpec<F extends FunctionName, A extends ActionName<F>> {
  authorization: readonly AuthAction[]
  contentChecked?: (input: ActionInput<F, A>) => readonly (string | undefined)[]
}

export interface CaseCommandSpec<F extends FunctionName, A extends ActionName<F>> extends CommandSpec<F, A> {
  /**
   * Built on the stored case, in the change's transaction (`repos`): what the command needs beyond her
   * input is read there (a 转办's new village ladder).
   */
  command: (input: ActionInput<F, A>, base: CommandBase, state: CaseState, repos: Repositories) => CaseCommand | Promise<CaseCommand>
  /**
   * Escalating can take the case out of her sight (a cadre passing it up is not the level above's
   * supervisor): the change is made, so she is answered `case: null`, never NOT_FOUND.
   */
  mayLoseSight?: boolean
  /** What the answer carries beside the case, read off the case as saved (planTask's new task id). */
  answer?: (state: CaseState) => Record<string, unknown>
}

/** With text to check, the command is first decided on the stored case (`preview`). */
export function caseCommand<F extends FunctionName, A extends ActionsOn<F, 'caseId', 'case', CaseDetail | null>>(
  fn: F,
  name: A,
  spec: CaseCommandSpec<F, A>,
): ActionDeclaration<F, A, Person> {
  const build = (ctx: ActionContext, input: ActionInput<F, A>, actor: Person) => (state: CaseState, repos: Repositories) =>
    spec.command(input, { at: ctx.now, actor }, state, repos)
  const caseIdOf = (input: ActionInput<F, A>) => (input as { caseId: string }).caseId
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
      // ActionsOn guarantees the contract answers `{ case }` for this action.
      return { ...spec.answer?.(state), case: detail } as ActionResult<F, A>
    },
  }
}

export interface DeliberationCommandSpec<F extends FunctionName, A extends ActionName<F>> extends CommandSpec<F, A> {
  /** Who may, beyond what the decider checks. */
  authorize?: (ctx: ActionContext, input: ActionInput<F, A>, actor: Person) => Promise<void>
  /** Built in the change's own transaction: a ballot is decided on her current ballot. */
  command: (input: ActionInput<F, A>, base: CommandBase, tx: Repositories, ctx: ActionContext) => Promise<DeliberationCommand> | DeliberationCommand
  /**
   * A ballot's answer carries her ballot and the counts, not the audit list and the roll: those read
   * every ballot (O(members) per vote); the page fetches them with `get` when it shows them.
   */
  withBallots?: boolean
  /**
   * What follows a change once it has committed (a ballot or a close moves the group card:
   * deliberation/group-card.ts); only when the command decided something.
   */
  afterChange?: (ctx: ActionContext, state: DeliberationState) => Promise<void>
}

export function deliberationCommand<F extends FunctionName, A extends ActionsOn<F, 'deliberationId', 'deliberation', DeliberationDetail>>(
  fn: F,
  name: A,
  spec: DeliberationCommandSpec<F, A>,
): ActionDeclaration<F, A, Person> {
  return {
    ...commandHead(fn, name, spec, spec.authorize),
    run: async (ctx, input, actor) => {
      const id = (input as { deliberationId: string }).deliberationId
      const changed = await change(ctx.deps, deliberationAggregate, id, (_state, tx) => spec.command(input, { at: ctx.now, actor }, tx, ctx))
      if (changed.events.length > 0) await spec.afterChange?.(ctx, changed.state)
      // Answered from what the change holds (the deliberation as it committed it, her ballot when the
      // change says it), as of its commit: the same detail a read just after would give, less what
      // others wrote since — which any answer may miss by an instant.
      const known = { state: changed.state, myBallot: ballotOfViewerAfter(changed, actor.openid) }
      const deliberation = await readDetail(ctx.deps.store, id, actor, ctx.now, { withBallots: spec.withBallots ?? true, known })
      // ActionsOn guarantees the contract answers `{ deliberation }` for this action.
      return { deliberation } as ActionResult<F, A>
    },
  }
}

/** What both share: a write with its rows and its text, and who she is, `check`ed first. */
function commandHead<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  name: A,
  spec: CommandSpec<F, A>,
  check?: (ctx: ActionContext, input: ActionInput<F, A>, actor: Person) => Promise<void>,
): Omit<ActionDeclaration<F, A, Person>, 'run'> {
  return {
    fn,
    name,
    kind: 'write',
    authorization: spec.authorization,
    ...(spec.contentChecked && { contentChecked: spec.contentChecked }),
    authorize: async (ctx, input) => {
      const actor = await ctx.person()
      await check?.(ctx, input, actor)
      return actor
    },
  }
}
