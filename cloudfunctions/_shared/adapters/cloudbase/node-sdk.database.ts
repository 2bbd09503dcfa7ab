/**
 * The database the CloudBase adapter expects: @cloudbase/node-sdk's, in the function's own
 * environment. Not wx-server-sdk's `cloud.database()`, which wraps documents (`set({ data })`) and
 * throws on a missing document: the adapter speaks node-sdk's convention (`set(doc)`). wx-server-sdk
 * 4.0.2 bundles node-sdk 3.17.2, the version pinned here, so this loads no second copy.
 */
import type Tcb from '@cloudbase/node-sdk'
import type { CloudbaseDb } from './cloudbase-db'

/** Called by the first use of the store (runtime/cloud-entry.ts): node-sdk runs only then. */
export function currentEnvironmentDatabase(): CloudbaseDb {
  // A require the bundler still bundles, run only now: an import would run the SDK at load.
  const tcb = require('@cloudbase/node-sdk') as typeof Tcb
  // The SDK's Db types its command and transaction loosely; CloudbaseDb is the slice we rely on.
  return tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database() as unknown as CloudbaseDb
}
