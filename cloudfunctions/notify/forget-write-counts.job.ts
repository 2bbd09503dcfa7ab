/**
 * Forgets the write limit's counts of the minutes that are over (adapters/write-limiter.ts). Nothing
 * reads them again, so the limit does not need this; it keeps the store from holding, minute by
 * minute, a trace of when each (tagged) person wrote. Repeat-safe: forgetting twice is nothing.
 */
import type { JobContext } from '../_shared/context/deps'
import { writeWindowOf } from '../_shared/adapters/write-limiter'

export async function forgetWriteCounts(ctx: JobContext): Promise<Record<string, number>> {
  return { forgotten: await ctx.deps.store.writeCounts.forgetBefore(writeWindowOf(Date.parse(ctx.now))) }
}
