/**
 * `outreach.feed` (公告): the announcements of every org on her line — her home village up to the
 * province, and the line of each org she serves at — pinned first, then newest, each marked unread
 * if published after she last opened the list (outreach.markSeen). One read per org (at most five
 * for a resident), never a scan; it writes nothing, so 首页's card can show the dots and leave them.
 */
import { ANNOUNCEMENTS_PER_ORG, arrangeFeed, feedSources, mayRetireAt, publishPlaces } from '../../_shared/domain/outreach.rules'
import { defineAction } from '../../_shared/handler/action'
import { announcementView, placeReader } from '../outreach'

const DEFAULT_LIMIT = 50

export const feed = defineAction({
  fn: 'outreach', name: 'feed', kind: 'read', authorization: ['outreach.read'],
  run: async (ctx, { limit = DEFAULT_LIMIT }) => {
    const placed = await placeReader(ctx)
    const sources = feedSources(placed.reader, placed.lineOf)
    const [lists, seenAt] = await Promise.all([
      Promise.all(sources.map((orgId) => ctx.deps.store.announcements.liveOfOrg(orgId, ANNOUNCEMENTS_PER_ORG))),
      ctx.deps.store.feedMarks.seenAt(ctx.openid),
    ])
    const all = arrangeFeed(lists, seenAt, Number.MAX_SAFE_INTEGER)
    const items = []
    for (const a of all.slice(0, limit)) {
      const line = await placed.lineOfOrg(a.orgId)
      items.push(announcementView(a, line, a.unread, mayRetireAt(placed.person, line, placed.lineOf)))
    }
    const publishesAt = []
    for (const orgId of publishPlaces(placed.person)) {
      const org = (await placed.lineOfOrg(orgId))[0]
      if (org) publishesAt.push({ orgId: org.id, orgName: org.name, level: org.level })
    }
    return { items, unreadCount: all.filter((a) => a.unread).length, publishesAt }
  },
})
