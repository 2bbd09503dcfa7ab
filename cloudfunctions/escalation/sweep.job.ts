/**
 * The deadline sweep (_shared/commands/due-runner.ts): every case whose next timer instant has come
 * gets its timer command (MissDeadline: escalate, or flag at the province; AutoCloseCase). A case
 * another run already moved is no longer due (its due instant moved on), and the decider refuses a
 * deadline that has not passed. Where the store batches (SQLite), a page of cases commits at once.
 */
import { nextDue } from '../_shared/domain/case.timers'
import { AppFailure } from '../_shared/context/failures'
import type { JobContext } from '../_shared/context/deps'
import type { CaseCommand } from '../_shared/domain/case.commands'
import { caseAggregate } from '../_shared/commands/case.aggregate'
import { runDue } from '../_shared/commands/due-runner'

const PAGE = 200

export function sweepDeadlines(ctx: JobContext, pageSize = PAGE): Promise<Record<string, number>> {
  const { now } = ctx
  const report = { escalated: 0, flaggedOverdue: 0, autoClosed: 0, skipped: 0, failed: 0, unfinished: 0 }
  return runDue(ctx, {
    aggregate: caseAggregate,
    page: (at, limit, after) => ctx.deps.store.cases.due(at, limit, after),
    pageSize,
    command: (state): CaseCommand => {
      const due = nextDue(state)
      // Another run got here first: what made it due is already done.
      if (!due || due.at > now) throw new AppFailure('CONFLICT', 'already handled')
      return { type: due.command, at: now, actor: 'system' }
    },
    count: ({ events }, counts) => {
      for (const event of events) {
        if (event.type === 'CaseEscalated') counts.escalated++
        else if (event.type === 'CaseFlaggedOverdue') counts.flaggedOverdue++
        else if (event.type === 'CaseClosed') counts.autoClosed++
      }
    },
    failure: { message: 'sweep: case failed', idField: 'caseId' },
    batched: true,
  }, report)
}
