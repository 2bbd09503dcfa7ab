/**
 * The promises every Store adapter keeps. Each adapter's test file calls `storeContract` with a way to
 * make a fresh, empty store. Orgs, people, meta and plain transactions are here; cases, messages and
 * transactions across them have their own files, run from here against the same fresh store.
 */
import type { Store } from '../../cloudfunctions/_shared/ports/store.port'
import { invitationsContract } from './store.invitations.contract'
import { auditContract } from './store.audit.contract'
import { casesContract } from './store.cases.contract'
import { deliberationsContract } from './store.deliberations.contract'
import { messagesContract } from './store.messages.contract'
import { transactionsContract } from './store.transactions.contract'
import { countersContract } from './store.counters.contract'
import { mediaChecksContract } from './store.media-checks.contract'
import { identitiesContract } from './store.identities.contract'
import { writeCountsContract } from './store.write-counts.contract'
import { hotspotsContract } from './store.hotspots.contract'
import { answersContract } from './store.answers.contract'
import { announcementsContract } from './store.announcements.contract'
import { surveysContract } from './store.surveys.contract'
import { supportersContract } from './store.supporters.contract'

/**
 * `stored`, where the adapter's test can give it: everything the fresh store keeps, as text (the
 * bytes of its files, its documents), so the identities contract can look for an openid in it.
 */
export function storeContract(name: string, makeStore: () => Promise<Store>, stored?: () => Promise<string>) {
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

    test('orgs: many reads several at once, path walks up to the root', async () => {
      const county = { id: 'p1a', name: '新民市', level: 'county', parentId: 'p1' } as const
      for (const org of [province, city, city2, county]) await store.orgs.put(org)
      const byId = (orgs: { id: string }[]) => [...orgs].sort((a, b) => a.id.localeCompare(b.id))
      expect(byId(await store.orgs.many(['p2', 'p', 'nope', 'p']))).toEqual([province, city2])
      expect(await store.orgs.many([])).toEqual([])
      expect(await store.orgs.path('p1a')).toEqual([county, city, province])
      expect(await store.orgs.path('p')).toEqual([province])
      expect(await store.orgs.path('nope')).toEqual([])
      // family: the path and the children together.
      expect(await store.orgs.family('p')).toEqual({ path: [province], children: [city, city2] })
      expect(await store.orgs.family('p1a')).toEqual({ path: [county, city, province], children: [] })
      expect(await store.orgs.family('nope')).toEqual({ path: [], children: [] })
    })

    test('orgs: path is the walk after a move, in a transaction too, and below a moved org', async () => {
      const county = { id: 'p1a', name: '新民市', level: 'county', parentId: 'p1' } as const
      const village = { id: 'p1a1', name: '大柳村', level: 'village', parentId: 'p1a' } as const
      for (const org of [province, city, city2, county, village]) await store.orgs.put(org)
      // The village moves (account.moveVillage): its path follows at once.
      await store.orgs.put({ ...village, parentId: 'p2' })
      expect(await store.orgs.path('p1a1')).toEqual([{ ...village, parentId: 'p2' }, city2, province])
      // An org above it moves after it was put: its path still follows.
      await store.orgs.put({ ...village, parentId: 'p1a' })
      await store.orgs.put({ ...county, parentId: 'p2' })
      expect(await store.orgs.path('p1a1')).toEqual([village, { ...county, parentId: 'p2' }, city2, province])
      // What a transaction put, it reads back on the path and in many before it commits.
      await store.transaction(async (tx) => {
        await tx.orgs.put({ ...city2, name: '大连' })
        expect(await tx.orgs.path('p1a1')).toEqual([village, { ...county, parentId: 'p2' }, { ...city2, name: '大连' }, province])
        expect(await tx.orgs.many(['p2'])).toEqual([{ ...city2, name: '大连' }])
      })
    })

    test('people: users, bindings by person and by org, unbind', async () => {
      await store.orgs.put(province)
      await store.people.putUser({ openid: 'o1', name: '王秀兰', homeOrgId: null, publicPhone: null })
      expect(await store.people.getUser('o1')).toEqual({ openid: 'o1', name: '王秀兰', homeOrgId: null, publicPhone: null })
      expect(await store.people.getUser('o2')).toBeNull()
      await store.people.bind({ openid: 'o1', role: 'cadre', orgId: 'p' })
      await store.people.bind({ openid: 'o1', role: 'cadre', orgId: 'p' })
      await store.people.bind({ openid: 'o2', role: 'cadre', orgId: 'p' })
      expect(await store.people.rolesOf('o1')).toEqual([{ openid: 'o1', role: 'cadre', orgId: 'p' }])
      expect((await store.people.withRole('p', 'cadre')).map((m) => m.openid)).toEqual(['o1', 'o2'])
      await store.people.bind({ openid: 'o0', role: 'convener', orgId: 'p' })
      await store.people.bind({ openid: 'o2', role: 'convener', orgId: 'p' })
      await store.people.bind({ openid: 'o3', role: 'member', orgId: 'p' })
      // Role by role in the order asked, each by openid.
      expect((await store.people.withRoles('p', ['convener', 'cadre'])).map((m) => `${m.role}:${m.openid}`)).toEqual([
        'convener:o0',
        'convener:o2',
        'cadre:o1',
        'cadre:o2',
      ])
      expect(await store.people.withRoles('p', [])).toEqual([])
      await store.people.unbind({ openid: 'o0', role: 'convener', orgId: 'p' })
      await store.people.unbind({ openid: 'o2', role: 'convener', orgId: 'p' })
      await store.people.unbind({ openid: 'o3', role: 'member', orgId: 'p' })
      await store.people.unbind({ openid: 'o1', role: 'cadre', orgId: 'p' })
      expect(await store.people.rolesOf('o1')).toEqual([])
    })

    test('people: a published number round-trips, and a rewrite without one clears it', async () => {
      await store.people.putUser({ openid: 'o1', name: '王秀兰', homeOrgId: 'v1', publicPhone: '13800001234' })
      expect(await store.people.getUser('o1')).toEqual({ openid: 'o1', name: '王秀兰', homeOrgId: 'v1', publicPhone: '13800001234' })
      await store.people.putUser({ openid: 'o1', name: '王秀兰', homeOrgId: 'v1', publicPhone: '024-12345678' })
      expect((await store.people.getUser('o1'))?.publicPhone).toBe('024-12345678')
      await store.people.putUser({ openid: 'o1', name: '王秀兰', homeOrgId: 'v1', publicPhone: null })
      expect((await store.people.getUser('o1'))?.publicPhone).toBeNull()
      // Inside a transaction, as account.setPublicPhone writes it.
      await store.transaction(async (tx) => tx.people.putUser({ ...(await tx.people.getUser('o1'))!, publicPhone: '13900001111' }))
      expect(await store.people.getUser('o1')).toEqual({ openid: 'o1', name: '王秀兰', homeOrgId: 'v1', publicPhone: '13900001111' })
    })

    test('credits: grant adds up, take spends one at a time and never below zero, clear empties', async () => {
      expect(await store.credits.balance('o1')).toEqual({})
      expect(await store.credits.take('o1', 't1')).toBe(false)
      await store.credits.grant('o1', 't1', 1)
      await store.credits.grant('o1', 't1', 1)
      await store.credits.grant('o1', 't2', 1)
      await store.credits.grant('o2', 't1', 3)
      expect(await store.credits.balance('o1')).toEqual({ t1: 2, t2: 1 })
      expect(await store.credits.take('o1', 't1')).toBe(true)
      expect(await store.credits.take('o1', 't1')).toBe(true)
      expect(await store.credits.take('o1', 't1')).toBe(false)
      await store.credits.clear('o2', 't1')
      await store.credits.clear('o3', 't9')
      expect(await store.credits.balance('o1')).toEqual({ t1: 0, t2: 1 })
      expect((await store.credits.balance('o2')).t1 ?? 0).toBe(0)
    })

    test('credits: concurrent takes spend each credit once', async () => {
      await store.credits.grant('o1', 't1', 3)
      const taken = await Promise.all(Array.from({ length: 6 }, () => store.credits.take('o1', 't1')))
      expect(taken.filter(Boolean)).toHaveLength(3)
      expect(await store.credits.balance('o1')).toEqual({ t1: 0 })
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

    casesContract(() => store)
    deliberationsContract(() => store)
    messagesContract(() => store)
    transactionsContract(() => store)
    countersContract(() => store)
    invitationsContract(() => store)
    auditContract(() => store)
    mediaChecksContract(() => store)
    identitiesContract(() => store, stored)
    writeCountsContract(() => store)
    hotspotsContract(() => store)
    answersContract(() => store)
    announcementsContract(() => store, stored)
    surveysContract(() => store, stored)
    supportersContract(() => store, stored)
  })
}
