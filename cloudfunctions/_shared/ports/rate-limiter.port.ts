/** Per-person limits on writes. */
import type { WriteCountRepository } from './store.port'

export interface RateLimiter {
  /**
   * Counts one more write under `key` at `nowMs` and answers whether it is within the limit. `counts`
   * is the store the request runs on: a limiter that counts there shares its limit with every
   * instance over that store.
   */
  allow(key: string, nowMs: number, counts: WriteCountRepository): Promise<boolean>
}

/** Writes are counted per minute: each person's count of a window, keyed by the window's start. */
export const WRITE_WINDOW_MS = 60_000

/** The start of the window `nowMs` falls in, as the counts are keyed (an ISO instant). */
export const writeWindowOf = (nowMs: number): string => new Date(Math.floor(nowMs / WRITE_WINDOW_MS) * WRITE_WINDOW_MS).toISOString()
