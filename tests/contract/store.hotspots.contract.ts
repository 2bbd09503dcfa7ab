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

    test('refresh merges a later report in: cases the larger, children the union, the report first, at most maxCaseIds', async () => {
      const store = current()
      const alert = anAlert()
      await store.hotspots.put(alert)
      await store.hotspots.refresh(alert.slot, { cases: 5, children: ['v4', 'v2'], caseIds: ['case-5'], updatedAt: later(1) }, 4)
      expect(await store.hotspots.get(alert.slot)).toEqual({
        ...alert,
        cases: 5,
        children: ['v1', 'v2', 'v3', 'v4'],
        caseIds: ['case-5', 'case-3', 'case-2', 'case-1'],
        updatedAt: later(1),
      })
      // Figures never shrink; the oldest report drops past the limit.
      await store.hotspots.refresh(alert.slot, { cases: 2, children: [], caseIds: ['case-6'], updatedAt: later(2) }, 4)
      expect(await store.hotspots.get(alert.slot)).toMatchObject({ cases: 5, caseIds: ['case-6', 'case-5', 'case-3', 'case-2'] })
      // The same report again (a resend): listed once, first, still within the limit (CloudBase may
      // keep one fewer report behind it: its push does not look for the one already there).
      await store.hotspots.refresh(alert.slot, { cases: 2, children: [], caseIds: ['case-6'], updatedAt: later(2) }, 4)
      const again = (await store.hotspots.get(alert.slot))?.caseIds ?? []
      expect(again.slice(0, 3)).toEqual(['case-6', 'case-5', 'case-3'])
      expect(again.length).toBeLessThanOrEqual(4)
      // No alert in the slot: nothing is made.
      await store.hotspots.refresh('spread:nowhere:other', { cases: 9, children: ['v9'], caseIds: ['case-9'], updatedAt: later(3) }, 4)
      expect(await store.hotspots.get('spread:nowhere:other')).toBeNull()
    })

    test('refreshes at once all land', async () => {
      const store = current()
      const alert = anAlert({ children: [], caseIds: [], cases: 0 })
      await store.hotspots.put(alert)
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.hotspots.refresh(alert.slot, { cases: i + 1, children: [`v${i}`], caseIds: [`case-${i}`], updatedAt: later(1) }, 20),
        ),
      )
      const merged = await store.hotspots.get(alert.slot)
      expect(merged?.cases).toBe(12)
      expect(merged?.children).toEqual(Array.from({ length: 12 }, (_, i) => `v${i}`).sort())
      expect([...(merged?.caseIds ?? [])].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `case-${i}`).sort())
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
