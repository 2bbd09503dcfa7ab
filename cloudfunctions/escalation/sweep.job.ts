/**
 * The deadline sweep (_shared/commands/due-runner.ts): every case whose next timer instant has come
 * gets the timer command due at the sweep's instant (domain/case.timers.ts dueCommandAt): MissDeadline
 * (escalate, or flag at the province), RemindDeadline (临期提醒, recorded on the case with its messages)
 * or AutoCloseCase. A sweep that comes late, past a reminder and its deadline both, escalates. A case
 * another run already moved is no longer due (its due instant moved on), and the decider refuses what
 * is not due: each deadline escalates once and is reminded of once, however often the sweep runs.
 * Where the store batches (SQLite), a page of cases commits at once.
 */
import { dueCommandAt } from '../_shared/domain/case.timers'
import { AppFailure } from '../_shared/context/failures'
import type { JobContext } from '../_shared/context/deps'
import type { CaseCommand } from '../_shared/domain/case.commands'
import { caseAggregate } from '../_shared/commands/case.aggregate'
import { runDue } from '../_shared/commands/due-runner'

const PAGE = 200

export function sweepDeadlines(ctx: JobContext, pageSize = PAGE): Promise<Record<string, number>> {
  const { now } = ctx
  const report = { escalated: 0, flaggedOverdue: 0, reminded: 0, autoClosed: 0, skipped: 0, failed: 0, unfinished: 0 }
  return runDue(ctx, {
    aggregate: caseAggregate,
    page: (at, limit, after) => ctx.deps.store.cases.due(at, limit, after),
    pageSize,
    command: (state): CaseCommand => {
      const due = dueCommandAt(state, now)
      // Another run got here first: what made it due is already done.
      if (!due) throw new AppFailure('CONFLICT', 'already handled')
      return { type: due, at: now, actor: 'system' }
    },
    count: ({ events }, counts) => {
      for (const event of events) {
        if (event.type === 'CaseEscalated') counts.escalated++
        else if (event.type === 'CaseFlaggedOverdue') counts.flaggedOverdue++
        else if (event.type === 'DeadlineReminded') counts.reminded++
        else if (event.type === 'CaseClosed') counts.autoClosed++
      }
    },
    failure: { message: 'sweep: case failed', idField: 'caseId' },
    batched: true,
  }, report)
}
