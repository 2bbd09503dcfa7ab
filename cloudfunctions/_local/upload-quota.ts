/**
 * How many photos, and how many bytes of them, one person may upload to a host in an hour. Without
 * it one client filled the disk as fast as it could send (12 × 5 MB in 420 ms; docs/security.md,
 * "Photos").
 *
 * The defaults, 30 photos or 60 MB an hour, whichever comes first: a report holds at most 9 photos
 * (PHOTOS_MAX in types/), the form uploads each as soon as it is picked (removing and picking again
 * uploads again), and the mini-program compresses what she picks to far below the 5 MB cap. So 30
 * covers three full reports with every photo picked once more, more than anyone files in an hour
 * (intake itself allows 5 reports an hour); 60 MB is twelve photos at the cap, about 30 at a phone's
 * usual size. A script, by contrast, is stopped after 60 MB, not after the disk.
 *
 * A photo counts from the moment it is let in, before its bytes arrive, so twelve sent at once cannot
 * all slip past one check; one refused or failed is given back. The window is the host's clock
 * (`/__dev/clock` moves it), kept in memory: a restart forgets it, as the hosts are for development.
 */

export interface UploadQuotaLimits {
  /** Photos per person per window; 0: no limit on the count. */
  photos: number
  /** Bytes per person per window; 0: no limit on the bytes. */
  bytes: number
  windowMs: number
}

const HOUR_MS = 3_600_000
const MB = 1024 * 1024

function limitFrom(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  // A typo must not turn the quota off: refuse to start instead.
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} 应为不小于 0 的数字（0 表示不限），现在是 "${raw}"`)
  return value
}

/** A photo let in: `commit` once it is kept (with its real size), `release` if it is not. */
export interface QuotaSlot {
  commit(bytes: number): void
  release(): void
}

export type QuotaDecision = { ok: true; slot: QuotaSlot } | { ok: false; retryAfterMs: number }

interface Use {
  at: number
  bytes: number
}

export class UploadQuota {
  private readonly uses = new Map<string, Use[]>()

  constructor(
    private readonly limits: UploadQuotaLimits,
    private readonly nowMs: () => number,
  ) {}

  /** Lets one photo of `person` in if her last hour leaves room for it (`bytes`: its announced size, 0 if unknown). */
  admit(person: string, bytes: number): QuotaDecision {
    const now = this.nowMs()
    const recent = (this.uses.get(person) ?? []).filter((use) => use.at > now - this.limits.windowMs)
    const used = recent.reduce((sum, use) => sum + use.bytes, 0)
    const tooMany = this.limits.photos > 0 && recent.length + 1 > this.limits.photos
    const tooBig = this.limits.bytes > 0 && used + bytes > this.limits.bytes
    if (tooMany || tooBig) {
      this.keep(person, recent)
      const oldest = recent[0]?.at ?? now
      return { ok: false, retryAfterMs: Math.max(60_000, oldest + this.limits.windowMs - now) }
    }
    const use: Use = { at: now, bytes }
    recent.push(use)
    this.keep(person, recent)
    return {
      ok: true,
      slot: {
        commit: (actual) => {
          use.bytes = actual
        },
        release: () => {
          const list = this.uses.get(person)
          const index = list?.indexOf(use) ?? -1
          if (list && index >= 0) list.splice(index, 1)
        },
      },
    }
  }

  private keep(person: string, recent: Use[]): void {
    if (recent.length === 0) this.uses.delete(person)
    else this.uses.set(person, recent)
    // Forget people who went quiet, so the map does not grow with every openid ever sent.
    if (this.uses.size > 10_000) {
      const since = this.nowMs() - this.limits.windowMs
      for (const [who, list] of this.uses) if (list.every((use) => use.at <= since)) this.uses.delete(who)
    }
  }
}

/**
 * The quota of one host, on its clock (an ISO instant, as the hosts' AdjustableClock answers):
 * UPLOAD_PHOTOS_PER_HOUR (30) and UPLOAD_MB_PER_HOUR (60); 0 turns that limit off, e.g. for load tests.
 */
export function hostUploadQuota(clock: { now(): string }, env: Record<string, string | undefined> = process.env): UploadQuota {
  const photos = Math.floor(limitFrom(env, 'UPLOAD_PHOTOS_PER_HOUR', 30))
  const bytes = Math.floor(limitFrom(env, 'UPLOAD_MB_PER_HOUR', 60) * MB)
  return new UploadQuota({ photos, bytes, windowMs: HOUR_MS }, () => Date.parse(clock.now()))
}
