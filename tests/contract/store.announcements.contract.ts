/**
 * Announcements: stored whole, read back by id, an org's live ones pinned first then newest (one
 * range); and each person's unread mark, which only moves forward and names nobody at rest.
 */
import type { AnnouncementRecord, Store } from '../../cloudfunctions/_shared/ports/store.port'

export function announcementsContract(current: () => Store, stored?: () => Promise<string>) {
  const anAnnouncement = (id: string, overrides: Partial<AnnouncementRecord> = {}): AnnouncementRecord => ({
    id,
    orgId: 'p1',
    kind: 'notice',
    title: `公告${id}`,
    body: '本周六上午村委会广场健康讲座。',
    pinned: false,
    publishedBy: 'o-cadre',
    publishedAt: '2026-11-30T01:00:00.000Z',
    retired: false,
    ...overrides,
  })

  describe('announcements', () => {
    test('put and get round-trip every field; an unknown id is null; a put replaces', async () => {
      const store = current()
      await store.announcements.put(anAnnouncement('a1', { kind: 'activity', pinned: true }))
      expect(await store.announcements.get('a1')).toEqual(anAnnouncement('a1', { kind: 'activity', pinned: true }))
      expect(await store.announcements.get('nope')).toBeNull()
      const retired = anAnnouncement('a1', { retired: true, retiredBy: 'o-admin', retiredAt: '2026-11-30T02:00:00.000Z' })
      await store.announcements.put(retired)
      expect(await store.announcements.get('a1')).toEqual(retired)
    })

    test('liveOfOrg: only that org, only live ones, pinned first, then newest (ties by id, descending), at most the limit', async () => {
      const store = current()
      await store.announcements.put(anAnnouncement('a1', { publishedAt: '2026-11-30T01:00:00.000Z' }))
      await store.announcements.put(anAnnouncement('a2', { publishedAt: '2026-11-30T03:00:00.000Z' }))
      await store.announcements.put(anAnnouncement('a3', { publishedAt: '2026-11-30T03:00:00.000Z' }))
      await store.announcements.put(anAnnouncement('a4', { publishedAt: '2026-11-29T00:00:00.000Z', pinned: true }))
      await store.announcements.put(anAnnouncement('a5', { publishedAt: '2026-11-30T05:00:00.000Z', retired: true }))
      await store.announcements.put(anAnnouncement('b1', { orgId: 'p2' }))
      const ids = async (orgId: string, limit = 50) => (await store.announcements.liveOfOrg(orgId, limit)).map((a) => a.id)
      expect(await ids('p1')).toEqual(['a4', 'a3', 'a2', 'a1'])
      expect(await ids('p1', 2)).toEqual(['a4', 'a3'])
      expect(await ids('p2')).toEqual(['b1'])
      expect(await ids('p9')).toEqual([])
      // Unpinned, it takes its place by date; taken down, it is gone from the list.
      await store.announcements.put(anAnnouncement('a4', { publishedAt: '2026-11-29T00:00:00.000Z' }))
      expect(await ids('p1')).toEqual(['a3', 'a2', 'a1', 'a4'])
      await store.announcements.put(anAnnouncement('a2', { publishedAt: '2026-11-30T03:00:00.000Z', retired: true }))
      expect(await ids('p1')).toEqual(['a3', 'a1', 'a4'])
      expect((await store.announcements.liveOfOrg('p1', 1))[0]).toEqual(anAnnouncement('a3', { publishedAt: '2026-11-30T03:00:00.000Z' }))
    })

    test('a put in a transaction that throws is not kept', async () => {
      const store = current()
      await expect(
        store.transaction(async (tx) => {
          await tx.announcements.put(anAnnouncement('t1'))
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await store.announcements.get('t1')).toBeNull()
    })
  })

  describe('feed marks', () => {
    test('none until she opens the list; then the latest instant, never moved back; per person', async () => {
      const store = current()
      expect(await store.feedMarks.seenAt('o-reader-1')).toBeNull()
      await store.transaction((tx) => tx.feedMarks.markSeen('o-reader-1', '2026-11-30T02:00:00.000Z'))
      expect(await store.feedMarks.seenAt('o-reader-1')).toBe('2026-11-30T02:00:00.000Z')
      await store.feedMarks.markSeen('o-reader-1', '2026-11-30T01:00:00.000Z')
      expect(await store.feedMarks.seenAt('o-reader-1')).toBe('2026-11-30T02:00:00.000Z')
      await store.feedMarks.markSeen('o-reader-1', '2026-11-30T04:00:00.000Z')
      expect(await store.feedMarks.seenAt('o-reader-1')).toBe('2026-11-30T04:00:00.000Z')
      expect(await store.feedMarks.seenAt('o-reader-2')).toBeNull()
    })

    if (stored) {
      test('her mark is kept under her tag: her openid is nowhere in the store', async () => {
        const store = current()
        const openid = 'oFeedMarkOpenid7Kx2'
        await store.feedMarks.markSeen(openid, '2026-11-30T02:00:00.000Z')
        expect(await store.feedMarks.seenAt(openid)).toBe('2026-11-30T02:00:00.000Z')
        expect(await stored()).not.toContain(openid)
      })
    }
  })
}
