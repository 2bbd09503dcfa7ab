/**
 * `notify`: which subscription templates to ask for, the credits she grants, her message centre.
 * Timers: deliver what is queued, forget the write limit's counts of minutes that are over, and fold
 * the counters' deltas where the store keeps them (CloudBase).
 */
import { defineFunction } from '../_shared/handler/define-function'
import { atMostEvery, restsWhenIdle } from '../_shared/handler/job-cadence'
import { deliverMessages } from '../_shared/notify/deliver'
import { inbox } from './actions/inbox.action'
import { markRead } from './actions/mark-read.action'
import { subscribe } from './actions/subscribe.action'
import { templates } from './actions/templates.action'
import { writeWindowOf } from '../_shared/ports/rate-limiter.port'

/** The fold's share of a timer run (JOB_BUDGET_MS, runtime/budgets.ts): a fifth. */
const FOLD_BUDGET_MS = 10_000

/**
 * After a fold that found no delta, the minutes before the next one looks: an idle query a minute is
 * 60 requests an hour for nothing, and resting changes no figure, since reads add the unfolded deltas
 * (counters.cloudbase.ts). What it costs is the deltas that pile up unfolded after a quiet spell until
 * the next fold — at most ten minutes of changes, which one page of a counter read (pager.ts, 1000
 * documents) holds below about a hundred changes a minute under one org — and from the first delta
 * found the fold runs every minute again. Ten, as forgetWriteCounts: the province's overview cost the
 * same 3 requests with the bench's 145 deltas unfolded as folded (docs/benchmarks.md).
 */
const FOLD_REST_MINUTES = 10

export const notifyFunction = defineFunction(
  'notify',
  { templates, subscribe, inbox, markRead },
  {
    // Where a change's counters are written as a delta (CloudBase: counters.cloudbase.ts), folds them in
    // so reads stay one short query; reads count unfolded ones, so nothing waits for this. First, with
    // a share of the run of its own: neither it nor delivery can starve the other under a backlog.
    // Repeat-safe. Every minute while it finds deltas, FOLD_REST_MINUTES after it finds none.
    foldCounters: restsWhenIdle(
      FOLD_REST_MINUTES,
      async (ctx) => ({ folded: (await ctx.deps.store.foldCounters?.(Math.min(ctx.deadline, Date.now() + FOLD_BUDGET_MS))) ?? 0 }),
      (report) => report.folded === 0,
    ),
    deliver: (ctx) => deliverMessages(ctx),
    // Forgets the write limit's counts of the minutes that are over (ports/rate-limiter.port.ts). Nothing
    // reads them again, so the limit does not need this; it keeps the store from holding, minute by
    // minute, a trace of when each (tagged) person wrote. Repeat-safe: forgetting twice is nothing. On
    // the timer that runs every minute, every tenth minute (handler/job-cadence.ts): the counts last
    // little longer than ten minutes.
    forgetWriteCounts: atMostEvery(10, async (ctx) => ({ forgotten: await ctx.deps.store.writeCounts.forgetBefore(writeWindowOf(Date.parse(ctx.now))) })),
  },
)
