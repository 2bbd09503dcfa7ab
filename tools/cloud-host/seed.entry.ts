/**
 * The demo province, written by the same seed code as the local host's (cloudfunctions/_local/seed)
 * through the production store: the CloudBase adapter on @cloudbase/node-sdk, inside an instance the
 * function runner starts like any function's. It is a one-off tool run, as a console script would be,
 * never a deployed function (it is bundled to build/cloud-tools/, not build/functions/).
 * It seals people's records with the functions' own key, as they will read them (sealed-identity.ts).
 * Every start it also brings a data folder kept from an earlier version up to what the bundles read, as
 * `npm run deploy` does after updating the functions (scripts/deploy.ts): the open deliberations' due
 * instants (deliberation-due.migration.ts), without which the timer would never close them.
 */
import { createCloudbaseStore } from '../../cloudfunctions/_shared/adapters/cloudbase/store.cloudbase'
import { currentEnvironmentDatabase } from '../../cloudfunctions/_shared/adapters/cloudbase/node-sdk.database'
import { backfillDeliberationDue } from '../../cloudfunctions/_shared/adapters/cloudbase/deliberation-due.migration'
import { aesGcmCipher } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { checkConfiguration } from '../../cloudfunctions/_shared/runtime/configuration.check'
import { seedDemoProvince } from '../../cloudfunctions/_local/seed/seed'

export const main = async () => {
  const checked = checkConfiguration(process.env)
  if (!checked.ok) throw new Error(`演示数据需要函数的配置：${checked.problems.map((p) => p.variable).join('、')}`)
  const db = currentEnvironmentDatabase()
  const store = createCloudbaseStore(db, { cipher: aesGcmCipher(checked.configuration.phoneKey) })
  return { seeded: await seedDemoProvince(store), deliberationsDue: await backfillDeliberationDue(db) }
}
