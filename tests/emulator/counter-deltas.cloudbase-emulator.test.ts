/**
 * CloudBase counters as deltas (adapters/cloudbase/counters.cloudbase.ts, counter-deltas.cloudbase.ts),
 * on the emulator with the real node-sdk: a transaction's counter changes are one new document, changes
 * from anywhere on one chain never conflict, and folding adds each delta exactly once — alone, twice
 * at once, or interrupted by its deadline — while reads answer the same before and after.
 */
import { createCloudbaseStore } from '../../cloudfunctions/_shared/adapters/cloudbase/store.cloudbase'
import manifest from '../../cloudfunctions/_shared/adapters/cloudbase/indexes.json'
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import type { Store } from '../../cloudfunctions/_shared/ports/store.port'
import { useEmulatorDatabase } from './emulator.fixture'

const cloud = useEmulatorDatabase('counter-deltas')
const CHAIN = ['province', 'city', 'county', 'township']
const farFuture = () => Date.now() + 60_000

let store: Store
beforeEach(() => {
  cloud.emulator.database.reset()
  cloud.emulator.database.provision(manifest)
  store = createCloudbaseStore(cloud.db, { cipher: aesGcmCipher(DEV_KEY) })
})
afterEach(() => expect(cloud.emulator.database.openTransactions()).toBe(0))

const deltaDocs = () => cloud.emulator.database.find('counters').filter((doc) => String(doc._id).startsWith('delta_'))
const figures = async () => ({
  all: await store.counters.getMany([...CHAIN, 'v-1', 'v-2']),
  month: await store.counters.inPeriods([{ orgId: 'township', period: '2026-11' }, { orgId: 'v-1', period: '2026-11' }]),
})

/** One "report" from `village`: all-time counters on the chain, twice, and the month's set, in one transaction. */
const report = (village: string) =>
  store.transaction(async (tx) => {
    await tx.counters.add([...CHAIN, village], { cases: 1, 'status:pending': 1 })
    await tx.counters.add(CHAIN, { 'category:governance': 1 })
    await tx.counters.addInPeriods([
      { orgId: 'township', period: '2026-11', deltas: { submitted: 1 } },
      { orgId: village, period: '2026-11', deltas: { submitted: 1 } },
    ])
  })

test("a transaction's counter changes are one new document, and reads count it before any fold", async () => {
  await report('v-1')
  expect(deltaDocs()).toHaveLength(1)
  expect(deltaDocs()[0]).toMatchObject({ targets: expect.arrayContaining(['province', 'v-1', '2026-11:township', '2026-11:v-1']) })
  const { all, month } = await figures()
  expect(all[0]).toEqual({ cases: 1, 'status:pending': 1, 'category:governance': 1 })
  expect(all[4]).toEqual({ cases: 1, 'status:pending': 1 })
  expect(month).toEqual([{ submitted: 1 }, { submitted: 1 }])
})

test('30 reports at once from 30 villages of one township: no transaction conflicts on the counters, none lost', async () => {
  const from = cloud.emulator.requestCount()
  await Promise.all(Array.from({ length: 30 }, (_, i) => report(`v-${i + 1}`)))
  expect(cloud.emulator.requests().slice(from).filter((r) => r.error)).toEqual([])
  expect((await store.counters.get('province')).cases).toBe(30)
  expect((await store.counters.inPeriods([{ orgId: 'township', period: '2026-11' }]))[0]).toEqual({ submitted: 30 })
})

test('a fold adds every delta once and removes it; reads answer the same before and after; a second fold finds nothing', async () => {
  // More than one fold batch (25), in villages of their own and in v-1.
  for (let i = 0; i < 60; i++) await report(i % 2 ? 'v-1' : `v-${i + 2}`)
  const before = await figures()
  expect(await store.foldCounters!(farFuture())).toBe(60)
  expect(deltaDocs()).toHaveLength(0)
  expect(await figures()).toEqual(before)
  expect(before.all[0]).toEqual({ cases: 60, 'status:pending': 60, 'category:governance': 60 })
  expect(await store.foldCounters!(farFuture())).toBe(0)
  // Folded and unfolded add up: a new change on top of folded documents.
  await report('v-1')
  expect((await store.counters.get('v-1')).cases).toBe(31)
})

test('two folds at once fold each delta exactly once', async () => {
  for (let i = 0; i < 20; i++) await report(`v-${i + 1}`)
  const folded = await Promise.all([store.foldCounters!(farFuture()), store.foldCounters!(farFuture())])
  expect(folded[0]! + folded[1]!).toBe(20)
  expect((await store.counters.get('province')).cases).toBe(20)
  expect(cloud.emulator.database.find('counters', { _id: 'province' })[0]).toMatchObject({ values: { cases: 20 } })
})

test('a fold past its deadline folds nothing, and reads still count every change', async () => {
  await report('v-1')
  expect(await store.foldCounters!(Date.now() - 1)).toBe(0)
  expect(deltaDocs()).toHaveLength(1)
  expect((await store.counters.get('township')).cases).toBe(1)
})

test('changes in a transaction that throws leave no delta', async () => {
  await expect(
    store.transaction(async (tx) => {
      await tx.counters.add(CHAIN, { cases: 1 })
      throw new Error('boom')
    }),
  ).rejects.toThrow('boom')
  expect(deltaDocs()).toHaveLength(0)
})
