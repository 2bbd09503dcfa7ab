/**
 * Jobs that need not look every time the timer they ride on fires: notify's delivery timer fires every
 * minute (deploy/functions.ts), and an idle query each minute is 1440 requests a day for nothing.
 * - atMostEvery: housekeeping (forgetting the write limit's finished minutes) at most once every
 *   `minutes`: the work is the same, only later by as much (counts nobody reads again).
 * - restsWhenIdle: work that comes and goes (folding the counters' deltas): every trigger while a run
 *   finds work, and after a run that found none not again for `minutes`.
 *
 * Remembered per store in this instance, by the clock the job is given: a new instance runs it at its
 * first trigger, several instances each run it on their own cadence (the jobs are repeat-safe), and no
 * data is kept — only when this instance last ran it. A clock that went back (tests) runs it.
 */
import type { Job } from './define-function'

const MINUTE_MS = 60_000

export function atMostEvery(minutes: number, job: Job): Job {
  const lastRun = new WeakMap<object, number>()
  return async (ctx) => {
    const now = Date.parse(ctx.now)
    const last = lastRun.get(ctx.deps.store)
    if (last !== undefined && now >= last && now - last < minutes * MINUTE_MS) return { notDue: 1 }
    const report = await job(ctx)
    // Cut short by its deadline: the rest goes on at the next trigger, not ten minutes later.
    if (!report.unfinished) lastRun.set(ctx.deps.store, now)
    return report
  }
}

/**
 * Every trigger while `job` finds work (`idle(report)` false) or is cut short by its deadline; after a
 * run that found none, not before `minutes` have passed. Only for work whose waiting harms no one.
 */
export function restsWhenIdle(minutes: number, job: Job, idle: (report: Record<string, number>) => boolean): Job {
  const restingSince = new WeakMap<object, number>()
  return async (ctx) => {
    const now = Date.parse(ctx.now)
    const since = restingSince.get(ctx.deps.store)
    if (since !== undefined && now >= since && now - since < minutes * MINUTE_MS) return { notDue: 1 }
    const report = await job(ctx)
    if (idle(report) && !report.unfinished) restingSince.set(ctx.deps.store, now)
    else restingSince.delete(ctx.deps.store)
    return report
  }
}
