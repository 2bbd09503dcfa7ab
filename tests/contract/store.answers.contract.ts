/** Standard answers: stored whole, read back by id, and an org's listed latest update first, live or all. */
import type { AnswerRecord, Store } from '../../cloudfunctions/_shared/ports/store.port'

export function answersContract(current: () => Store) {
  const anAnswer = (id: string, overrides: Partial<AnswerRecord> = {}): AnswerRecord => ({
    id,
    orgId: 'p1',
    category: 'marriage_family',
    title: `答复${id}`,
    body: '已会同调解委员会上门调解。',
    createdBy: 'o-cadre',
    createdAt: '2026-11-30T01:00:00.000Z',
    updatedBy: 'o-cadre',
    updatedAt: '2026-11-30T01:00:00.000Z',
    retired: false,
    ...overrides,
  })

  describe('answers', () => {
    test('put and get round-trip every field; an unknown id is null; a put replaces', async () => {
      const store = current()
      await store.answers.put(anAnswer('a1'))
      expect(await store.answers.get('a1')).toEqual(anAnswer('a1'))
      expect(await store.answers.get('nope')).toBeNull()
      const edited = anAnswer('a1', { title: '改过的标题', body: '改过的内容', category: 'governance', updatedBy: 'o-admin', updatedAt: '2026-11-30T02:00:00.000Z' })
      await store.answers.put(edited)
      expect(await store.answers.get('a1')).toEqual(edited)
      const retired = { ...edited, retired: true, retiredAt: '2026-11-30T03:00:00.000Z' }
      await store.answers.put(retired)
      expect(await store.answers.get('a1')).toEqual(retired)
    })

    test('ofOrg: only that org, the latest updated first (ties by id, descending), retired only when asked, at most the limit', async () => {
      const store = current()
      await store.answers.put(anAnswer('a1', { updatedAt: '2026-11-30T01:00:00.000Z' }))
      await store.answers.put(anAnswer('a2', { updatedAt: '2026-11-30T03:00:00.000Z' }))
      await store.answers.put(anAnswer('a3', { updatedAt: '2026-11-30T03:00:00.000Z' }))
      await store.answers.put(anAnswer('a4', { updatedAt: '2026-11-30T04:00:00.000Z', retired: true, retiredAt: '2026-11-30T05:00:00.000Z' }))
      await store.answers.put(anAnswer('b1', { orgId: 'p2' }))
      const ids = async (orgId: string, includeRetired: boolean, limit = 50) => (await store.answers.ofOrg(orgId, { includeRetired, limit })).map((a) => a.id)
      expect(await ids('p1', false)).toEqual(['a3', 'a2', 'a1'])
      expect(await ids('p1', true)).toEqual(['a4', 'a3', 'a2', 'a1'])
      expect(await ids('p1', false, 2)).toEqual(['a3', 'a2'])
      expect(await ids('p2', true)).toEqual(['b1'])
      expect(await ids('p9', true)).toEqual([])
      // An edit moves it to the top; retiring it takes it off the live list.
      await store.answers.put(anAnswer('a1', { updatedAt: '2026-11-30T06:00:00.000Z' }))
      expect(await ids('p1', false)).toEqual(['a1', 'a3', 'a2'])
      await store.answers.put(anAnswer('a3', { updatedAt: '2026-11-30T03:00:00.000Z', retired: true }))
      expect(await ids('p1', false)).toEqual(['a1', 'a2'])
      expect((await store.answers.ofOrg('p1', { includeRetired: true, limit: 50 })).find((a) => a.id === 'a4')).toEqual(
        anAnswer('a4', { updatedAt: '2026-11-30T04:00:00.000Z', retired: true, retiredAt: '2026-11-30T05:00:00.000Z' }),
      )
    })

    test('a put in a transaction that throws is not kept; one that commits is', async () => {
      const store = current()
      await expect(
        store.transaction(async (tx) => {
          await tx.answers.put(anAnswer('t1'))
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await store.answers.get('t1')).toBeNull()
      await store.transaction(async (tx) => {
        const before = await tx.answers.get('t2')
        await tx.answers.put(anAnswer('t2', { title: before ? '又一次' : '第一次' }))
      })
      expect((await store.answers.get('t2'))?.title).toBe('第一次')
    })
  })
}
