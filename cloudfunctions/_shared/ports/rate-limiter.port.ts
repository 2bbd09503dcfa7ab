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
