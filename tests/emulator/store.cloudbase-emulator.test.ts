/**
 * The Store contract on the CloudBase adapter, against the emulator: the real @cloudbase/node-sdk,
 * unmodified, speaking signed HTTP to tools/cloud-emulator (no swapped SDK internals). Each test gets
 * an empty environment provisioned from the adapter's own manifest (indexes.json): its collections,
 * then its indexes, so a query the manifest does not cover fails here.
 *
 * It runs the SDK's real requester, signing and HTTP answers against a database that persists and
 * expires transactions. What it does not prove: tools/cloud-emulator/README.md ("What it does not
 * model"); the live suite (tests/contract/store.cloudbase-live.test.ts) is for those.
 */
import { COLLECTIONS, createCloudbaseStore } from '../../cloudfunctions/_shared/adapters/cloudbase/store.cloudbase'
import manifest from '../../cloudfunctions/_shared/adapters/cloudbase/indexes.json'
import { storeContract } from '../contract/store.contract'
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { useEmulatorDatabase } from './emulator.fixture'

const cloud = useEmulatorDatabase('store-contract')

storeContract('CloudBase (emulator: the real node-sdk over HTTP)', async () => {
  // One server for the file; a fresh, provisioned environment per test.
  cloud.emulator.database.reset()
  cloud.emulator.database.provision(manifest)
  return createCloudbaseStore(cloud.db, { cipher: aesGcmCipher(DEV_KEY) })
},
  // Every document of every collection, as the emulator's database holds it.
  async () => JSON.stringify(COLLECTIONS.map((name) => cloud.emulator.database.find(name))),
)

afterEach(() => {
  // Every transaction the adapter began was committed or rolled back.
  expect(cloud.emulator.database.openTransactions()).toBe(0)
})

test('the manifest provisions exactly the collections the adapter uses', () => {
  cloud.emulator.database.reset()
  cloud.emulator.database.provision(manifest)
  expect(cloud.emulator.database.collections().sort()).toEqual([...COLLECTIONS].sort())
})

test('a users document written before people could publish a number reads as having none', async () => {
  cloud.emulator.database.reset()
  cloud.emulator.database.provision(manifest)
  await cloud.db.collection('users').doc('o-old').set({ name: '王秀兰', homeOrgId: 'v1' })
  const store = createCloudbaseStore(cloud.db, { cipher: aesGcmCipher(DEV_KEY) })
  try {
    expect(await store.people.getUser('o-old')).toEqual({ openid: 'o-old', name: '王秀兰', homeOrgId: 'v1', publicPhone: null })
  } finally {
    await store.close()
  }
})
