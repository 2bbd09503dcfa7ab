/**
 * Whether a declared timeout leaves room for what the production entry lets a call spend
 * (cloudfunctions/_shared/runtime/budgets.ts, used by cloud-entry.ts):
 *  - a timer runs its jobs within JOB_BUDGET_MS; the job loops check that deadline before each unit of
 *    work (_shared/commands/due-runner.ts, for escalation/sweep.job.ts and deliberation/due.jobs.ts),
 *    so the unit started last may still be running when it passes: the timeout must hold the budget
 *    plus that unit;
 *  - a write delivers what it queued within AFTER_CHANGE_BUDGET_MS before answering; delivery starts
 *    no message it could not finish in time (notify/deliver.ts), so the budget is all it takes — after
 *    the write's own action.
 * A function killed at its timeout loses the unit half done.
 */
import { AFTER_CHANGE_BUDGET_MS, JOB_BUDGET_MS } from '../../cloudfunctions/_shared/runtime/budgets'
import type { FunctionDeclaration } from '../function.declaration'

/** One job unit started just before the deadline: a case's timer command or a deliberation's close, a few transactions (runTransaction retries up to 3×). */
export const LAST_UNIT_MS = 5_000

/** What a write's own action may take before its delivery starts (a read-check-write on a few documents). */
export const ACTION_ALLOWANCE_MS = 3_000

/** Answering, and the cold start a first call pays within the same timeout. */
export const ANSWER_MARGIN_MS = 1_000

/** The longest timeout an event function takes (cloudbaserc.json `timeout`: 1–60). */
export const MAX_TIMEOUT_SECONDS = 60

export interface EntryBudgets {
  afterChangeMs: number
  jobMs: number
}

export const ENTRY_BUDGETS: EntryBudgets = { afterChangeMs: AFTER_CHANGE_BUDGET_MS, jobMs: JOB_BUDGET_MS }

export interface WorkOf {
  hasJobs: boolean
  hasWrites: boolean
}

/** Why the declared timeout does not fit, one sentence each; empty when it fits. */
export function budgetProblems(declaration: FunctionDeclaration, work: WorkOf, budgets: EntryBudgets = ENTRY_BUDGETS): string[] {
  const timeoutMs = declaration.timeoutSeconds * 1000
  const problems: string[] = []
  if (declaration.timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    problems.push(`${declaration.name}: timeout ${declaration.timeoutSeconds} s is over the ${MAX_TIMEOUT_SECONDS} s an event function takes`)
  }
  if (work.hasJobs && timeoutMs < budgets.jobMs + LAST_UNIT_MS) {
    problems.push(`${declaration.name}: timeout ${timeoutMs} ms < JOB_BUDGET_MS ${budgets.jobMs} + last unit ${LAST_UNIT_MS}`)
  }
  if (work.hasWrites && timeoutMs < ACTION_ALLOWANCE_MS + budgets.afterChangeMs + ANSWER_MARGIN_MS) {
    problems.push(
      `${declaration.name}: timeout ${timeoutMs} ms < action ${ACTION_ALLOWANCE_MS} + AFTER_CHANGE_BUDGET_MS ${budgets.afterChangeMs} + answer ${ANSWER_MARGIN_MS}`,
    )
  }
  return problems
}
