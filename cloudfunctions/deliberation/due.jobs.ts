/**
 * The deliberation's timer job (_shared/commands/due-runner.ts): every open deliberation whose next
 * due instant has come (domain/deliberation.timers.ts) gets the timer command due at the run's instant:
 * the one reminder to the members who have not voted, some hours before the deadline, or the close at
 * the deadline (tally from the kept counts, the result to every member and onto the case's timeline).
 * One query a run finds both, on one index. A run that comes late, past the reminder and the deadline
 * both, closes only: a reminder then only confuses, and the decider refuses it. Both are recorded on
 * the deliberation with their message rows, and the decider refuses what is no longer due (already
 * reminded, already closed): each goes out once however often the job runs.
 * After each, the group card follows (group-card.ts): 已结束 at the close, and at the reminder instant
 * — which is when the card's 即将截止 begins (domain/deliberation.card.ts) — its counts.
 */
import type { DeliberationCommand } from '../_shared/domain/deliberation.commands'
import { dueDeliberationCommandAt } from '../_shared/domain/deliberation.timers'
import { AppFailure } from '../_shared/context/failures'
import type { JobContext } from '../_shared/context/deps'
import { deliberationAggregate } from '../_shared/commands/deliberation.aggregate'
import { runDue } from '../_shared/commands/due-runner'
import { pushCard } from './group-card'

const PAGE = 200

export function runDueDeliberations(ctx: JobContext, pageSize = PAGE): Promise<Record<string, number>> {
  const { now } = ctx
  const report = { reminded: 0, closed: 0, skipped: 0, failed: 0, unfinished: 0 }
  return runDue(ctx, {
    aggregate: deliberationAggregate,
    page: (at, limit, after) => ctx.deps.store.deliberations.due(at, limit, after),
    pageSize,
    command: (state): DeliberationCommand => {
      const due = dueDeliberationCommandAt(state, now)
      // Another run got here first: what made it due is already done.
      if (!due) throw new AppFailure('CONFLICT', 'already handled')
      return { type: due, at: now, actor: 'system' }
    },
    count: ({ events }, counts) => {
      for (const event of events) {
        if (event.type === 'VotersReminded') counts.reminded++
        else if (event.type === 'DeliberationClosed') counts.closed++
      }
    },
    failure: { message: 'due: deliberation failed', idField: 'deliberationId' },
    after: ({ state }) => pushCard(ctx.deps, state, ctx.now, ctx.requestId),
  }, report)
}
