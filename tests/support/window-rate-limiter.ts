/**
 * A sliding-window limiter kept in the process, for tests that want a limit without a store. Neither
 * host uses one: in the cloud each warm instance would keep its own window, so the real ceiling would
 * be this limit times the instances. The hosts count in the store
 * (cloudfunctions/_shared/adapters/write-limiter.ts).
 */
import type { RateLimiter } from '../../cloudfunctions/_shared/ports/rate-limiter.port'

export class WindowRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>()

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  async allow(key: string, nowMs: number): Promise<boolean> {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs)
    if (recent.length >= this.max) {
      this.hits.set(key, recent)
      return false
    }
    recent.push(nowMs)
    this.hits.set(key, recent)
    // Forget people who went quiet, so the map does not grow with every visitor.
    if (this.hits.size > 50_000) for (const [k, v] of this.hits) if (v.every((t) => t <= nowMs - this.windowMs)) this.hits.delete(k)
    return true
  }
}
