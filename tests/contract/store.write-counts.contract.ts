/**
 * The write limit's counts: at most `max` takes per (key, window), however many arrive at once; keys
 * and windows apart; the windows that are over forgotten on request.
 */
import type { Store } from '../../cloudfunctions/_shared/ports/store.port'

export function writeCountsContract(current: () => Store) {
  const MINUTE = '2026-11-30T01:00:00.000Z'
  const NEXT = '2026-11-30T01:01:00.000Z'
  const LATER = '2026-11-30T01:02:00.000Z'

  describe('writeCounts', () => {
    test('take gives max per key and window, then refuses; another key or window counts apart', async () => {
      const counts = current().writeCounts
      const taken: boolean[] = []
      for (let i = 0; i < 4; i++) taken.push(await counts.take('k1', MINUTE, 3))
      expect(taken).toEqual([true, true, true, false])
      expect(await counts.take('k2', MINUTE, 3)).toBe(true)
      expect(await counts.take('k1', NEXT, 3)).toBe(true)
      // A higher limit (a changed WRITE_LIMIT_PER_MINUTE) counts on from the same window.
      expect(await counts.take('k1', MINUTE, 4)).toBe(true)
      expect(await counts.take('k1', MINUTE, 4)).toBe(false)
      expect(await counts.take('k3', MINUTE, 0)).toBe(false)
    })

    test('concurrent takes, a window’s first included, never pass max', async () => {
      const counts = current().writeCounts
      const taken = await Promise.all(Array.from({ length: 40 }, () => counts.take('busy', MINUTE, 30)))
      expect(taken.filter(Boolean)).toHaveLength(30)
      expect(await counts.take('busy', MINUTE, 30)).toBe(false)
    })

    test('forgetBefore drops the windows that started before, and only those', async () => {
      const counts = current().writeCounts
      for (const [key, window] of [['a', MINUTE], ['b', MINUTE], ['a', NEXT], ['a', LATER]] as const) {
        expect(await counts.take(key, window, 1)).toBe(true)
      }
      expect(await counts.forgetBefore(NEXT)).toBe(2)
      expect(await counts.forgetBefore(NEXT)).toBe(0)
      // The windows kept are still full; a forgotten one would start again.
      expect(await counts.take('a', NEXT, 1)).toBe(false)
      expect(await counts.take('a', LATER, 1)).toBe(false)
      expect(await counts.take('a', MINUTE, 1)).toBe(true)
    })
  })
}
