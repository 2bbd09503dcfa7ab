/**
 * The real handlers' dependencies (tests/support/test-deps.ts) with the Store on the CloudBase adapter
 * over the emulator: a fresh, provisioned environment (indexes.json) holding the demo province.
 */
import { DEV_KEY, aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { createCloudbaseStore } from '../../cloudfunctions/_shared/adapters/cloudbase/store.cloudbase'
import manifest from '../../cloudfunctions/_shared/adapters/cloudbase/indexes.json'
import type { CloudbaseDb } from '../../cloudfunctions/_shared/adapters/cloudbase/cloudbase-db'
import { seedDemoProvince } from '../../cloudfunctions/_local/seed/seed'
import type { CloudEmulator } from '../../tools/cloud-emulator/emulator'
import { demoDeps, type TestDeps } from '../support/test-deps'

export async function emulatorDemoDeps(cloud: { emulator: CloudEmulator; db: CloudbaseDb }): Promise<TestDeps> {
  const local = await demoDeps()
  await local.store.close()
  cloud.emulator.database.reset()
  cloud.emulator.database.provision(manifest)
  const store = createCloudbaseStore(cloud.db, { cipher: aesGcmCipher(DEV_KEY) })
  await seedDemoProvince(store)
  return { ...local, store }
}
