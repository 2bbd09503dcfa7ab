/** Content checks of case photos: remembered by trace id, found by case, their verdict recorded once. */
import type { MediaCheckRecord, Store } from '../../cloudfunctions/_shared/ports/store.port'

export function mediaChecksContract(current: () => Store) {
  const aCheck = (traceId: string, caseId = 'case-1', photo = `cloud://env.bucket/case-photos/aa/${traceId}.jpg`): MediaCheckRecord => ({
    traceId,
    caseId,
    photo,
    startedAt: '2026-11-30T01:00:00.000Z',
  })
  const AT = '2026-11-30T01:05:00.000Z'

  describe('mediaChecks', () => {
    test('put and get; an unknown trace id is null', async () => {
      await current().mediaChecks.put(aCheck('trace-1'))
      expect(await current().mediaChecks.get('trace-1')).toEqual(aCheck('trace-1'))
      expect(await current().mediaChecks.get('nope')).toBeNull()
    })

    test('ofCase: the checks of one case, by trace id, none of another', async () => {
      for (const check of [aCheck('t-b'), aCheck('t-a'), aCheck('t-c', 'case-2')]) await current().mediaChecks.put(check)
      expect((await current().mediaChecks.ofCase('case-1')).map((c) => c.traceId)).toEqual(['t-a', 't-b'])
      expect(await current().mediaChecks.ofCase('case-2')).toEqual([aCheck('t-c', 'case-2')])
      expect(await current().mediaChecks.ofCase('case-3')).toEqual([])
    })

    test('settle records the verdict once: a second settle, or one for an unknown trace id, records nothing', async () => {
      await current().mediaChecks.put(aCheck('trace-2'))
      expect(await current().mediaChecks.settle('trace-2', { verdict: 'risky', label: '20002', at: AT })).toBe(true)
      expect(await current().mediaChecks.settle('trace-2', { verdict: 'pass', at: '2026-11-30T01:06:00.000Z' })).toBe(false)
      expect(await current().mediaChecks.get('trace-2')).toEqual({ ...aCheck('trace-2'), verdict: 'risky', label: '20002', settledAt: AT })
      expect(await current().mediaChecks.settle('nope', { verdict: 'risky', at: AT })).toBe(false)
      expect(await current().mediaChecks.get('nope')).toBeNull()
      // Without a label, none is stored.
      await current().mediaChecks.put(aCheck('trace-3'))
      expect(await current().mediaChecks.settle('trace-3', { verdict: 'pass', at: AT })).toBe(true)
      expect(await current().mediaChecks.get('trace-3')).toEqual({ ...aCheck('trace-3'), verdict: 'pass', settledAt: AT })
    })

    test('settle under a race: one push wins, whatever arrives at once', async () => {
      await current().mediaChecks.put(aCheck('trace-race'))
      const results = await Promise.all(
        (['risky', 'review', 'pass'] as const).map((verdict) => current().mediaChecks.settle('trace-race', { verdict, at: AT })),
      )
      expect(results.filter(Boolean)).toHaveLength(1)
      expect((await current().mediaChecks.get('trace-race'))?.verdict).toBe((['risky', 'review', 'pass'] as const)[results.indexOf(true)])
    })

    test('settle inside a transaction that fails records nothing', async () => {
      await current().mediaChecks.put(aCheck('trace-tx'))
      await expect(
        current().transaction(async (tx) => {
          expect(await tx.mediaChecks.settle('trace-tx', { verdict: 'risky', at: AT })).toBe(true)
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect((await current().mediaChecks.get('trace-tx'))?.verdict).toBeUndefined()
      expect(await current().transaction((tx) => tx.mediaChecks.settle('trace-tx', { verdict: 'risky', at: AT }))).toBe(true)
      expect((await current().mediaChecks.get('trace-tx'))?.verdict).toBe('risky')
    })
  })
}
