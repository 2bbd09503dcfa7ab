/**
 * `outreach.retire` (撤下公告): kept for the record, no longer shown. Those who publish at its org,
 * and the admin anywhere in her province; retiring it again changes nothing and writes no second line.
 */
import { actingRoleAt } from '../../_shared/domain/outreach.rules'
import { defineAction } from '../../_shared/handler/action'
import { notFound } from '../../_shared/context/failures'
import { auditAnnouncement, NO_SUCH_ANNOUNCEMENT, placeReader, retirable } from '../outreach'

export const retire = defineAction({
  fn: 'outreach', name: 'retire', kind: 'write', authorization: ['outreach.retire'],
  authorize: async (ctx, { announcementId }) => {
    const placed = await placeReader(ctx)
    const { line } = await retirable(ctx, placed, announcementId)
    return { actorRole: actingRoleAt(placed.person, 'outreach.retire', line, placed.lineOf) ?? 'cadre' }
  },
  run: async (ctx, { announcementId }, { actorRole }) => {
    const retired = await ctx.deps.store.transaction(async (tx) => {
      const before = await tx.announcements.get(announcementId)
      if (!before) throw notFound(NO_SUCH_ANNOUNCEMENT)
      if (before.retired) return false
      const after = { ...before, retired: true, retiredBy: ctx.openid, retiredAt: ctx.now }
      await tx.announcements.put(after)
      await auditAnnouncement(tx, ctx, { announcement: after, action: 'outreach.retire', actorRole, summary: '撤下公告' })
      return true
    })
    return { announcementId, retired }
  },
})
