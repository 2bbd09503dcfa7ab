/** Deletes the contact details whose retention ran out; repeat-safe (deleting twice is nothing) and bounded. */
import type { JobContext } from '../_shared/context/deps'

const PAGE = 500

export async function purgeContacts(ctx: JobContext): Promise<Record<string, number>> {
  let purged = 0
  for (;;) {
    const due = await ctx.deps.store.contacts.duePurge(ctx.now, PAGE)
    if (due.length === 0) return { purged }
    for (const caseId of due) {
      if (Date.now() >= ctx.deadline) return { purged, unfinished: 1 }
      await ctx.deps.store.contacts.remove(caseId)
      purged++
    }
  }
}
