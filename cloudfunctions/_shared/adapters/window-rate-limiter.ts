/**
 * A sliding-window limiter kept in the process: enough to stop a runaway client or a script hammering
 * one function instance. In the cloud each warm instance keeps its own window, so the real ceiling is
 * this limit times the instances; the limits that must hold across instances (reports per person)
 * are counted in the store by the action itself.
 */
import type { RateLimiter } from '../ports/rate-limiter.port'

export class WindowRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>()

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  allow(key: string, nowMs: number): boolean {
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

/**
 * 30 writes a minute per person and function: far above any real use, far below a flood.
 * WRITE_LIMIT_PER_MINUTE changes it (0 turns it off, e.g. for load tests).
 */
export function defaultWriteLimiter(env: Record<string, string | undefined> = process.env): WindowRateLimiter | undefined {
  const perMinute = Number(env.WRITE_LIMIT_PER_MINUTE ?? 30)
  return perMinute > 0 ? new WindowRateLimiter(perMinute, 60_000) : undefined
}
