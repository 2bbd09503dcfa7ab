/** Per-person limits on writes: answers whether one more write by this person is allowed now. */
export interface RateLimiter {
  allow(key: string, nowMs: number): boolean
}
