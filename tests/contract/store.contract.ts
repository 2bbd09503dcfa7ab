/**
 * The promises every Store adapter keeps. Each adapter's test file calls `storeContract` with a way to
 * make a fresh, empty store.
 */
import type { Store } from '../../cloudfunctions/_shared/ports/store.port'

export function storeContract(name: string, makeStore: () => Promise<Store>) {
  describe(`Store contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
    })
    afterEach(() => store.close())

    const province = { id: 'p', name: '辽宁省', level: 'province', parentId: null } as const
    const city = { id: 'p1', name: '沈阳市', level: 'city', parentId: 'p' } as const
    const city2 = { id: 'p2', name: '大连市', level: 'city', parentId: 'p' } as const

    test('orgs: put, get, children in id order, which have children, all', async () => {
      for (const org of [province, city2, city]) await store.orgs.put(org)
      expect(await store.orgs.get('p1')).toEqual(city)
      expect(await store.orgs.get('nope')).toBeNull()
      expect(await store.orgs.children(null)).toEqual([province])
      expect(await store.orgs.children('p')).toEqual([city, city2])
      expect(await store.orgs.withChildren(['p', 'p1', 'zz'])).toEqual(new Set(['p']))
      expect((await store.orgs.all()).map((o) => o.id)).toEqual(['p', 'p1', 'p2'])
      await store.orgs.put({ ...city, name: '沈阳' })
      expect((await store.orgs.get('p1'))?.name).toBe('沈阳')
    })

    test('people: users, bindings by person and by org, unbind', async () => {
      await store.orgs.put(province)
      await store.people.putUser({ openid: 'o1', name: '王秀兰', homeOrgId: null })
      expect(await store.people.getUser('o1')).toEqual({ openid: 'o1', name: '王秀兰', homeOrgId: null })
      expect(await store.people.getUser('o2')).toBeNull()
      await store.people.bind({ openid: 'o1', role: 'cadre', orgId: 'p' })
      await store.people.bind({ openid: 'o1', role: 'cadre', orgId: 'p' })
      await store.people.bind({ openid: 'o2', role: 'cadre', orgId: 'p' })
      expect(await store.people.rolesOf('o1')).toEqual([{ openid: 'o1', role: 'cadre', orgId: 'p' }])
      expect((await store.people.withRole('p', 'cadre')).map((m) => m.openid)).toEqual(['o1', 'o2'])
      await store.people.unbind({ openid: 'o1', role: 'cadre', orgId: 'p' })
      expect(await store.people.rolesOf('o1')).toEqual([])
    })

    test('meta: get and overwrite', async () => {
      expect(await store.meta.get('k')).toBeNull()
      await store.meta.set('k', '1')
      await store.meta.set('k', '2')
      expect(await store.meta.get('k')).toBe('2')
    })

    test('a transaction commits all its writes together', async () => {
      await store.transaction(async (tx) => {
        await tx.meta.set('a', '1')
        await tx.meta.set('b', '2')
      })
      expect([await store.meta.get('a'), await store.meta.get('b')]).toEqual(['1', '2'])
    })

    test('a transaction that throws leaves nothing behind', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.meta.set('a', '1')
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await store.meta.get('a')).toBeNull()
    })

    test('concurrent transactions each see a consistent value (no lost update)', async () => {
      await store.meta.set('n', '0')
      await Promise.all(
        Array.from({ length: 20 }, () =>
          store.transaction(async (tx) => {
            const n = Number(await tx.meta.get('n'))
            await tx.meta.set('n', String(n + 1))
          }),
        ),
      )
      expect(await store.meta.get('n')).toBe('20')
    })
  })
}
