/**
 * The deliberation's two timer jobs (_shared/commands/due-runner.ts): close every open deliberation
 * whose deadline has come (tally from the kept counts, the result to every member and onto the case's
 * timeline); remind, once, the members who have not voted, some hours before the deadline. The
 * reminder is recorded on the deliberation with its message rows: it goes out once however often the
 * job runs, as the decider refuses what is no longer due (already closed, already reminded).
 * After each, the group card follows (group-card.ts): 已结束 at the close, and at the
 * reminder instant — which is when the card's 即将截止 begins (domain/deliberation.card.ts) — its counts.
 */
import type { DeliberationCommand } from '../_shared/domain/deliberation.commands'
import type { JobContext } from '../_shared/context/deps'
import { deliberationAggregate } from '../_shared/commands/deliberation.aggregate'
import { runDue } from '../_shared/commands/due-runner'
import { pushCard } from './group-card'

const PAGE = 200

export function closeDueDeliberations(ctx: JobContext, pageSize = PAGE): Promise<Record<string, number>> {
  const report = { closed: 0, skipped: 0, failed: 0, unfinished: 0 }
  return runDue(ctx, {
    aggregate: deliberationAggregate,
    page: (now, limit, after) => ctx.deps.store.deliberations.dueToClose(now, limit, after),
    pageSize,
    command: (): DeliberationCommand => ({ type: 'CloseDeliberation', at: ctx.now, actor: 'system' }),
    count: ({ events }, counts) => (events.length > 0 ? counts.closed++ : counts.skipped++),
    failure: { message: 'close: deliberation failed', idField: 'deliberationId' },
    after: ({ state }) => pushCard(ctx.deps, state, ctx.now, ctx.requestId),
  }, report)
}

export function remindNonVoters(ctx: JobContext, pageSize = PAGE): Promise<Record<string, number>> {
  const report = { reminded: 0, skipped: 0, failed: 0, unfinished: 0 }
  return runDue(ctx, {
    aggregate: deliberationAggregate,
    page: (now, limit, after) => ctx.deps.store.deliberations.dueForReminder(now, limit, after),
    pageSize,
    command: (): DeliberationCommand => ({ type: 'RemindVoters', at: ctx.now, actor: 'system' }),
    count: ({ events }, counts) => (events.length > 0 ? counts.reminded++ : counts.skipped++),
    failure: { message: 'remind: deliberation failed', idField: 'deliberationId' },
    after: ({ state }) => pushCard(ctx.deps, state, ctx.now, ctx.requestId),
  }, report)
}
