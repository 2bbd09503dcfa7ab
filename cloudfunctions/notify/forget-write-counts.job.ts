/**
 * Forgets the write limit's counts of the minutes that are over (ports/rate-limiter.port.ts). Nothing
 * reads them again, so the limit does not need this; it keeps the store from holding, minute by
 * minute, a trace of when each (tagged) person wrote. Repeat-safe: forgetting twice is nothing.
 */
import type { JobContext } from '../_shared/context/deps'
import { writeWindowOf } from '../_shared/ports/rate-limiter.port'

export async function forgetWriteCounts(ctx: JobContext): Promise<Record<string, number>> {
  return { forgotten: await ctx.deps.store.writeCounts.forgetBefore(writeWindowOf(Date.parse(ctx.now))) }
}
