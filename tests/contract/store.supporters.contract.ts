/**
 * Who follows a case (我也遇到): following twice is one record, a case's followers earliest first, her
 * followed cases latest first, kept in the caller's transaction, and nobody named at rest.
 */
import type { Store } from '../../cloudfunctions/_shared/ports/store.port'

export function supportersContract(current: () => Store, stored?: () => Promise<string>) {
  describe('supporters', () => {
    test('add answers whether she is new; has, ofCase (earliest first) and followedBy (latest first) read them back', async () => {
      const store = current()
      expect(await store.supporters.add('case-a', 'o-li', '2026-11-30T01:00:00.000Z')).toBe(true)
      expect(await store.supporters.add('case-a', 'o-wang', '2026-11-30T02:00:00.000Z')).toBe(true)
      expect(await store.supporters.add('case-a', 'o-li', '2026-11-30T03:00:00.000Z')).toBe(false)
      expect(await store.supporters.add('case-b', 'o-li', '2026-11-30T04:00:00.000Z')).toBe(true)
      expect(await store.supporters.has('case-a', 'o-li')).toBe(true)
      expect(await store.supporters.has('case-a', 'o-zhao')).toBe(false)
      expect(await store.supporters.has('case-c', 'o-li')).toBe(false)
      expect(await store.supporters.ofCase('case-a', 10)).toEqual(['o-li', 'o-wang'])
      expect(await store.supporters.ofCase('case-a', 1)).toEqual(['o-li'])
      expect(await store.supporters.ofCase('case-c', 10)).toEqual([])
      expect(await store.supporters.followedBy('o-li', 10)).toEqual([
        { caseId: 'case-b', at: '2026-11-30T04:00:00.000Z' },
        { caseId: 'case-a', at: '2026-11-30T01:00:00.000Z' },
      ])
      expect(await store.supporters.followedBy('o-li', 1)).toEqual([{ caseId: 'case-b', at: '2026-11-30T04:00:00.000Z' }])
      expect(await store.supporters.followedBy('o-zhao', 10)).toEqual([])
    })

    test('in a transaction: kept with it, gone when it throws', async () => {
      const store = current()
      expect(await store.transaction((tx) => tx.supporters.add('case-t', 'o-li', '2026-11-30T01:00:00.000Z'))).toBe(true)
      await expect(
        store.transaction(async (tx) => {
          await tx.supporters.add('case-t', 'o-wang', '2026-11-30T02:00:00.000Z')
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await store.supporters.ofCase('case-t', 10)).toEqual(['o-li'])
    })

    if (stored) {
      test('she is kept under her tag and sealed: her openid is nowhere in the store', async () => {
        const store = current()
        const openid = 'oSupporterOpenid9Qz4'
        await store.supporters.add('case-s', openid, '2026-11-30T01:00:00.000Z')
        expect(await store.supporters.ofCase('case-s', 10)).toEqual([openid])
        expect(await stored()).not.toContain(openid)
      })
    }
  })
}
