/**
 * The Store contract against a real CloudBase environment: what the offline suite cannot prove (the
 * server's answers, conflict codes, transaction isolation). Runs only when TCB_ENV_ID,
 * TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are set; otherwise the suite is skipped with one
 * line saying why, and the SDK is never loaded (a database call without credentials crashes Node 20).
 *
 * It works in its own collections (`contract_` + the production names), created when missing and
 * emptied before every test. Use a development environment: it writes and deletes freely there.
 */
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import type { CloudbaseDb } from '../../cloudfunctions/_shared/adapters/cloudbase/cloudbase-db'
import { COLLECTIONS, createCloudbaseStore } from '../../cloudfunctions/_shared/adapters/cloudbase/store.cloudbase'
import { storeContract } from './store.contract'

const { TCB_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY } = process.env
const live = Boolean(TCB_ENV_ID && TENCENTCLOUD_SECRETID && TENCENTCLOUD_SECRETKEY)
const PREFIX = 'contract_'

type LiveDb = CloudbaseDb & {
  createCollection(name: string): Promise<unknown>
  command: CloudbaseDb['command'] & { exists(value: boolean): unknown }
}

let db: LiveDb | undefined
function liveDb(): LiveDb {
  if (!db) {
    // Loaded here, not at the top: a skipped run never touches the SDK.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tcb = require('@cloudbase/node-sdk') as typeof import('@cloudbase/node-sdk')
    const app = tcb.init({ env: TCB_ENV_ID, secretId: TENCENTCLOUD_SECRETID, secretKey: TENCENTCLOUD_SECRETKEY })
    db = app.database() as unknown as LiveDb
  }
  return db
}

async function emptyCollections(d: LiveDb) {
  for (const name of COLLECTIONS) {
    // Creating an existing collection fails; that is the common case and harmless.
    await d.createCollection(PREFIX + name).catch(() => undefined)
    for (;;) {
      const removed = (await d.collection(PREFIX + name).where({ _id: d.command.exists(true) }).remove()) as {
        deleted?: number
      }
      if (!removed.deleted) break
    }
  }
}

if (live) {
  // Round trips to the cloud: the bulk tests need minutes, not Jest's default 5 s.
  jest.setTimeout(300_000)
  storeContract(`CloudBase (live, env ${TCB_ENV_ID})`, async () => {
    const d = liveDb()
    await emptyCollections(d)
    return createCloudbaseStore(d, { collectionPrefix: PREFIX, cipher: aesGcmCipher(DEV_KEY) })
  })
} else {
  process.stdout.write(
    'store.cloudbase-live: skipped — set TCB_ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY to run the Store contract against a real CloudBase environment\n',
  )
  describe.skip('Store contract: CloudBase (live)', () => {
    test('needs a CloudBase environment and its credentials', () => {})
  })
}
