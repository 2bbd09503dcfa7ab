/**
 * Early-warning alerts, for every adapter: one per slot (replaced when a lapsed slot raises again),
 * read back whole, and listed for a subtree — only those still live, the newest raised first.
 */
import type { HotspotAlert } from '../../cloudfunctions/_shared/domain'
import type { Store } from '../../cloudfunctions/_shared/ports/store.port'

const NOW = '2026-11-30T01:00:00.000Z'
const later = (days: number) => new Date(Date.parse(NOW) + days * 86_400_000).toISOString()

function anAlert(overrides: Partial<HotspotAlert> = {}): HotspotAlert {
  const orgPath = overrides.orgPath ?? ['p', 'c1', 'co1', 't1']
  const orgId = orgPath[orgPath.length - 1]!
  const rule = overrides.rule ?? 'spread'
  const category = overrides.category ?? 'labor_social'
  return {
    rule,
    orgId,
    level: orgPath.length === 5 ? 'village' : 'township',
    category,
    children: ['v1', 'v2', 'v3'],
    cases: 3,
    since: '2026-11-20',
    slot: `${rule}:${orgId}:${category}`,
    key: `${rule}:${orgId}:${category}:2026-11-20`,
    orgPath,
    caseIds: ['case-3', 'case-2', 'case-1'],
    raisedAt: NOW,
    liveUntil: later(14),
    updatedAt: NOW,
    ...overrides,
  }
}

export function hotspotsContract(current: () => Store) {
  describe('hotspots', () => {
    test('put and get by slot, whole; a put replaces the slot, in a transaction or not', async () => {
      const store = current()
      const alert = anAlert({ usual: 0.9 })
      await store.hotspots.put(alert)
      expect(await store.hotspots.get(alert.slot)).toEqual(alert)
      expect(await store.hotspots.get('spread:nowhere:other')).toBeNull()
      const again = { ...alert, key: `${alert.slot}:2026-12-20`, raisedAt: later(20), liveUntil: later(34), cases: 4 }
      await store.transaction((tx) => tx.hotspots.put(again))
      expect(await store.hotspots.get(alert.slot)).toEqual(again)
      await expect(
        store.transaction(async (tx) => {
          await tx.hotspots.put({ ...again, cases: 99 })
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect((await store.hotspots.get(alert.slot))?.cases).toBe(4)
    })

    test('liveIn: the subtree’s live alerts, newest raised first, within the limit', async () => {
      const store = current()
      const township = anAlert({ raisedAt: later(-2), liveUntil: later(12) })
      const village = anAlert({ rule: 'surge', orgPath: ['p', 'c1', 'co1', 't1', 'v1'], children: [], raisedAt: later(-1), liveUntil: later(13) })
      const sibling = anAlert({ orgPath: ['p', 'c1', 'co1', 't11'], raisedAt: later(-3), liveUntil: later(11) })
      const lapsed = anAlert({ category: 'governance', raisedAt: later(-15), liveUntil: later(-1) })
      const county = anAlert({ orgPath: ['p', 'c1', 'co1'], level: 'county', raisedAt: later(-4), liveUntil: later(10) })
      for (const a of [township, village, sibling, lapsed, county]) await store.hotspots.put(a)
      const slots = async (path: string[], limit = 10) => (await store.hotspots.liveIn(path, NOW, limit)).map((a) => a.slot)
      // `t1` is not `t11`'s parent, however the ids begin.
      expect(await slots(['p', 'c1', 'co1', 't1'])).toEqual([village.slot, township.slot])
      expect(await slots(['p', 'c1', 'co1', 't1', 'v1'])).toEqual([village.slot])
      expect(await slots(['p', 'c1', 'co1'])).toEqual([village.slot, township.slot, sibling.slot, county.slot])
      expect(await slots(['p'], 2)).toEqual([village.slot, township.slot])
      expect(await slots(['p', 'c2'])).toEqual([])
      // Whole records come back.
      expect((await store.hotspots.liveIn(['p', 'c1', 'co1', 't1', 'v1'], NOW, 1))[0]).toEqual(village)
      // Live means after now: at its liveUntil it is gone.
      expect((await store.hotspots.liveIn(['p'], later(12), 10)).map((a) => a.slot)).toEqual([village.slot])
    })
  })
}
