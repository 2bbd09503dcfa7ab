/**
 * A per-minute call quota on the emulated clock, as WeChat enforces per appid (msgSecCheck 4000/min,
 * mediaCheckAsync 2000/min; over it the API answers 45009). The daily quotas are not modelled.
 */
export class MinuteQuota {
  private readonly calls: number[] = []

  constructor(private readonly perMinute: number) {}

  /** Counts a call at `now`; false when the last minute already holds `perMinute` calls. */
  take(now: number): boolean {
    if (!Number.isFinite(this.perMinute)) return true
    while (this.calls.length > 0 && (this.calls[0] ?? 0) <= now - 60_000) this.calls.shift()
    if (this.calls.length >= this.perMinute) return false
    this.calls.push(now)
    return true
  }
}
