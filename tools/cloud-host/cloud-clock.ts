/** The production path's clock: real time (or a test's fixed instant) plus an offset kept in DATA_DIR. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { AdjustableClock } from '../../cloudfunctions/_shared/adapters/clock'
import type { InvocationClock } from '../function-runner/instance'

export function loadCloudClock(file: string, base?: () => number): { clock: AdjustableClock; save: () => void } {
  const saved = existsSync(file) ? Number((JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown }).offsetMs) : 0
  const clock = new AdjustableClock(Number.isFinite(saved) ? saved : 0, base)
  return { clock, save: () => writeFileSync(file, `${JSON.stringify({ offsetMs: clock.offset })}\n`) }
}

/**
 * What the function instances are told the time is: with a test's fixed base the instant itself (time
 * stands still, as on the local test host); otherwise an offset from real time, so time flows.
 */
export function invocationClock(clock: AdjustableClock, fixedBase: boolean): () => InvocationClock {
  return fixedBase
    ? () => ({ mode: 'fixed', nowMs: Date.parse(clock.now()) })
    : () => ({ mode: 'offset', offsetMs: clock.offset })
}
