/**
 * What a quiet hour costs CloudBase, per minute, on the real crons (deploy/functions.ts): every
 * function's timer fired at its own cadence, minute by minute on the bench clock, nothing due. The
 * per-run figure (cloudbase.bench.ts cb_requests_timer_run) runs every timer each minute instead, the
 * nightly purge and the 10-minute sweep as if they fired every minute.
 *
 * The 2026-12-03 baseline, fired on the same crons: its jobs then — notify's delivery and
 * forgetWriteCounts each minute, deliberation's close and remind queries each 5 minutes, the sweep each
 * 10, the purge nightly — each one idle query (one request: the idle run of that day, 6, was one per job).
 */
import { Cron } from 'croner'
import { DECLARATIONS } from '../deploy/functions'
import { parseCron } from '../tools/function-runner/timers'

const MINUTE_MS = 60_000
export const QUIET_MINUTES = 60

/** Idle requests per firing of each function's timer on 2026-12-03: one per job it ran then. */
const BASELINE_2026_12_03: Record<string, number> = { notify: 2, deliberation: 2, escalation: 1, intake: 1 }

/** Whether `cron` fires in the minute starting at `minuteMs`, in China time as the platform fires it (tools/function-runner/timers.ts). */
function firesIn(cron: string, minuteMs: number): boolean {
  const next = new Cron(parseCron(cron).sixFields, { timezone: 'Asia/Shanghai', paused: true }).nextRun(new Date(minuteMs - 1))
  return next !== null && next.getTime() < minuteMs + MINUTE_MS
}

/** The functions whose timer fires in each minute of the hour from `startMs`. */
export function firingsOfHour(startMs: number): string[][] {
  const timed = Object.values(DECLARATIONS).flatMap((d) => (d.timer ? [{ name: d.name, cron: d.timer.cron }] : []))
  return Array.from({ length: QUIET_MINUTES }, (_, m) => timed.filter((t) => firesIn(t.cron, startMs + m * MINUTE_MS)).map((t) => t.name))
}

/** Requests per minute of that hour at the 2026-12-03 cost of each firing. */
export function baselinePerMinute(firings: string[][]): number {
  return firings.flat().reduce((sum, fn) => sum + (BASELINE_2026_12_03[fn] ?? 0), 0) / QUIET_MINUTES
}

/** "notify 60, deliberation 12, …": how often each timer fired in the hour. */
export function firingCounts(firings: string[][]): string {
  const counts = new Map<string, number>()
  for (const fn of firings.flat()) counts.set(fn, (counts.get(fn) ?? 0) + 1)
  return [...counts].map(([fn, n]) => `${fn} ${n}`).join(', ')
}
