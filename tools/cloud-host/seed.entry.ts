/**
 * The demo province, written by the same seed code as the local host's (cloudfunctions/_local/seed)
 * through the production store: the CloudBase adapter on @cloudbase/node-sdk, inside an instance the
 * function runner starts like any function's. It is a one-off tool run, as a console script would be,
 * never a deployed function (it is bundled to build/cloud-tools/, not build/functions/).
 */
import { createCloudbaseStore } from '../../cloudfunctions/_shared/adapters/cloudbase/store.cloudbase'
import { currentEnvironmentDatabase } from '../../cloudfunctions/_shared/adapters/cloudbase/node-sdk.database'
import { seedDemoProvince } from '../../cloudfunctions/_local/seed/seed'

export const main = async () => {
  const store = createCloudbaseStore(currentEnvironmentDatabase())
  return { seeded: await seedDemoProvince(store) }
}
