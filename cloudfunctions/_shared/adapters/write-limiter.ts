/**
 * The write limit, counted in the store (WriteCountRepository): every instance over one database —
 * each warm CloudBase instance of a function, each local host on one data folder — counts against the
 * same limit per person, function and minute, so the ceiling no longer grows with the instances.
 *
 * Windows are the clock's minutes (fixed, aligned to the minute): `max` writes per person and function
 * in each. A window's count is keyed by a keyed tag of the person and function, not by the openid, so
 * the counts do not tell who wrote when (an anonymous reporter's report and her count would otherwise
 * sit side by side at the same minute); the notify timer forgets windows once they are over.
 */
import { createHmac } from 'node:crypto'
import { writeWindowOf, type RateLimiter } from '../ports/rate-limiter.port'
import { keyFromEnvironment } from './aes-gcm.cipher'

/**
 * 30 writes a minute per person and function: far above any real use, far below a flood.
 * WRITE_LIMIT_PER_MINUTE changes it (0 turns it off, e.g. for load tests). The tags are keyed with
 * `tagKey` (production: the checked PHONE_ENCRYPTION_KEY; by default the key the environment holds,
 * or the local host's development key, as keyFromEnvironment reads it).
 */
export function defaultWriteLimiter(
  env: Record<string, string | undefined> = process.env,
  tagKey: Buffer = keyFromEnvironment(true, env),
): RateLimiter | undefined {
  const perMinute = Number(env.WRITE_LIMIT_PER_MINUTE ?? 30)
  if (!(perMinute > 0)) return undefined
  return {
    allow: (key, nowMs, counts) => {
      const tag = createHmac('sha256', tagKey).update(`write-limit:${key}`).digest('hex').slice(0, 32)
      return counts.take(tag, writeWindowOf(nowMs), perMinute)
    },
  }
}
