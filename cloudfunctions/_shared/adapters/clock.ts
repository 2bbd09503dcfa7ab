/** Clocks: the real one for production, an adjustable one for the local host and tests. */
import type { Clock } from '../ports/clock.port'

export const systemClock: Clock = { now: () => new Date().toISOString() }

/**
 * Real time (or a fixed instant, for tests) plus an offset that only moves forward. The local host
 * uses it for `POST /__dev/clock`: deadlines can be reached without waiting days.
 */
export class AdjustableClock implements Clock {
  constructor(
    private offsetMs = 0,
    private readonly base: () => number = Date.now,
  ) {}

  static fixedAt(iso: string): AdjustableClock {
    const instant = Date.parse(iso)
    return new AdjustableClock(0, () => instant)
  }

  now(): string {
    return new Date(this.base() + this.offsetMs).toISOString()
  }

  advanceHours(hours: number): void {
    this.offsetMs += hours * 3_600_000
  }

  get offset(): number {
    return this.offsetMs
  }
}
