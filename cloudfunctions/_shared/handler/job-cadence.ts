/**
 * Housekeeping that need not run as often as the timer it rides on: forgetting the write limit's
 * finished minutes rides on notify's delivery timer, which fires every minute (deploy/functions.ts),
 * and an idle query each minute is 1440 requests a day for nothing. Run at most once every `minutes`
 * instead, the work is the same, only later by as much (counts nobody reads again).
 *
 * Remembered per store in this instance, by the clock the job is given: a new instance runs it at its
 * first trigger, several instances each run it on their own cadence (the job is repeat-safe), and no
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
