/**
 * `outreach.markSeen`: she opened the announcements page; what was published until now is read. Her
 * own mark only (anyone signed in), kept under her tag, never moved back.
 */
import { defineAction } from '../../_shared/handler/action'

export const markSeen = defineAction({
  fn: 'outreach', name: 'markSeen', kind: 'write', authorization: [],
  run: async (ctx) => {
    await ctx.deps.store.transaction((tx) => tx.feedMarks.markSeen(ctx.openid, ctx.now))
    return { seenAt: ctx.now }
  },
})
