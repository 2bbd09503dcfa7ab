/**
 * The database the CloudBase adapter expects: @cloudbase/node-sdk's, in the function's own
 * environment. Not wx-server-sdk's `cloud.database()`, which wraps documents (`set({ data })`) and
 * throws on a missing document: the adapter speaks node-sdk's convention (`set(doc)`). wx-server-sdk
 * 4.0.2 bundles node-sdk 3.17.2, the version pinned here, so this loads no second copy.
 */
import tcb from '@cloudbase/node-sdk'
import type { CloudbaseDb } from './cloudbase-db'

export function currentEnvironmentDatabase(): CloudbaseDb {
  // The SDK's Db types its command and transaction loosely; CloudbaseDb is the slice we rely on.
  return tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database() as unknown as CloudbaseDb
}
