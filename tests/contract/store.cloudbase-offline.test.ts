/**
 * The Store contract on the CloudBase adapter, offline.
 *
 * THIS SWAPS AN INTERNAL API OF THE SDK, FOR TESTS ONLY: @cloudbase/database's `Db.reqClass` (the
 * request transport node-sdk installs in `app.database()`) is replaced by an in-process requester
 * (cloudbase-offline/offline-transport.ts). Everything above it is the real SDK: the query builder,
 * the operator serializer (`_.in`, `_.lte`, `_.or`, `_.remove()`…), EJSON encoding, `runTransaction`
 * with its retries and rollback, and the adapter itself. Below it, mingo evaluates the MongoDB-style
 * operators the SDK emits, and a MemoryDatabase plays MongoDB's transactions (snapshot reads,
 * first-writer-wins write conflicts). The real transport never loads a credential or opens a socket,
 * so this file cannot crash the process the way an SDK call without credentials does.
 *
 * What it proves: the adapter keeps the port's promises when driven through the SDK's real request
 * building; it issues no where() inside a transaction; every collection it touches is in indexes.json;
 * every query it runs is named by an index there; it pages under the server's 100/1000-row caps.
 * What it does not prove: the server's wire answers beyond the shapes the SDK reads (taken from the
 * SDK's source), the server's exact conflict and error codes, its transaction isolation and limits,
 * or index selection. The live suite (store.cloudbase-live.test.ts) is for those.
 */
import { createCloudbaseStore, COLLECTIONS } from '../../cloudfunctions/_shared/adapters/cloudbase/store.cloudbase'
import manifest from '../../cloudfunctions/_shared/adapters/cloudbase/indexes.json'
import type { MemoryDatabase } from './cloudbase-offline/memory-database'
import { offlineDatabase } from './cloudbase-offline/offline-transport'
import { storeContract } from './store.contract'

let memory: MemoryDatabase | undefined

storeContract('CloudBase (offline, SDK with an in-process transport)', async () => {
  const offline = offlineDatabase()
  memory = offline.memory
  return createCloudbaseStore(offline.db)
})

afterEach(() => {
  // Every transaction the adapter began was committed or rolled back.
  expect(memory?.openTransactions()).toBe(0)
})

describe('the offline transport and the manifest', () => {
  test('indexes.json lists every collection the adapter uses, and only those', () => {
    expect([...manifest.collections].sort()).toEqual([...COLLECTIONS].sort())
  })

  test('refuses a where() inside a transaction, as CloudBase does', async () => {
    const { db } = offlineDatabase()
    await expect(
      db.runTransaction(async (tx) => tx.collection('cases').where({ status: 'pending' }).get()),
    ).rejects.toThrow(/doc\(\) operations only/)
  })

  test('refuses a query no index names', async () => {
    const { db } = offlineDatabase()
    await expect(db.collection('cases').where({ title: 'x' }).get()).rejects.toThrow(/no index/)
  })

  test('caps a read at 100 rows by default and 1000 at most, as the server does', async () => {
    const { db } = offlineDatabase()
    await db.runTransaction(async (tx) => {
      for (let i = 0; i < 1005; i++) await tx.collection('meta').doc(`k${String(i).padStart(4, '0')}`).set({ value: 'v' })
    })
    expect((await db.collection('meta').get()).data).toHaveLength(100)
    expect((await db.collection('meta').limit(5000).get()).data).toHaveLength(1000)
  })
})
