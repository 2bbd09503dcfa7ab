/**
 * `outreach.publish` (发布公告): a cadre publishes at her own org, a convener at her village — a
 * policy, a notice or an activity, pinned or not. Content-checked, one audit line. It reaches every
 * resident whose village is in the org's subtree the next time she opens the app (outreach.feed):
 * no message is pushed (docs/RULES.md "Announcements": there is no activity template).
 */
import { ANNOUNCEMENTS_PER_ORG, actingRoleAt, mayPublishAt, publishPlaces } from '../../_shared/domain/outreach.rules'
import { defineAction } from '../../_shared/handler/action'
import { conflict, forbidden, notFound } from '../../_shared/context/failures'
import type { AnnouncementRecord } from '../../_shared/ports/store.port'
import { auditAnnouncement, placeReader } from '../outreach'

export const publish = defineAction({
  fn: 'outreach', name: 'publish', kind: 'write', authorization: ['outreach.publish'],
  authorize: async (ctx, { orgId }) => {
    const placed = await placeReader(ctx)
    if (publishPlaces(placed.person).length === 0) throw forbidden('公告由妇联干部和议事会主任发布')
    const line = await placed.lineOfOrg(orgId)
    if (line.length === 0) throw notFound('没有找到该组织')
    if (!mayPublishAt(placed.person, line, placed.lineOf)) throw forbidden('只能在本级发布公告')
    return { actorRole: actingRoleAt(placed.person, 'outreach.publish', line, placed.lineOf) ?? 'cadre' }
  },
  contentChecked: ({ title, body }) => [title, body],
  run: async (ctx, { orgId, kind, title, body, pinned = false }, { actorRole }) => {
    const announcement: AnnouncementRecord = {
      id: ctx.deps.ids.next('announcement'),
      orgId,
      kind,
      title,
      body,
      pinned,
      publishedBy: ctx.openid,
      publishedAt: ctx.now,
      retired: false,
    }
    await ctx.deps.store.transaction(async (tx) => {
      // The feed reads the newest ANNOUNCEMENTS_PER_ORG of an org: more live ones would hide the oldest.
      if ((await tx.announcements.liveOfOrg(orgId, ANNOUNCEMENTS_PER_ORG)).length >= ANNOUNCEMENTS_PER_ORG) {
        throw conflict(`本级已有 ${ANNOUNCEMENTS_PER_ORG} 条公告在显示，请先撤下过时的`)
      }
      await tx.announcements.put(announcement)
      await auditAnnouncement(tx, ctx, { announcement, action: 'outreach.publish', actorRole, summary: '发布公告' })
    })
    return { announcementId: announcement.id }
  },
})
