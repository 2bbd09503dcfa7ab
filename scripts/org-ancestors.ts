/**
 * One-off, after deploying the functions whose org documents keep their ancestors' ids
 * (cloudfunctions/_shared/adapters/cloudbase/org-ancestors.migration.ts): writes the field into the
 * org documents put before. Safe to run again, and while the functions serve.
 *
 *   TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… TCB_ENV_ID=… npx tsx scripts/org-ancestors.ts
 */
import { backfillOrgAncestors } from '../cloudfunctions/_shared/adapters/cloudbase/org-ancestors.migration'
import { cloudDatabase, runScript } from './cloud-script'

async function main(): Promise<boolean> {
  const target = cloudDatabase(process.env)
  if (!target.ok) {
    for (const line of ['未改动 / Nothing changed:', ...target.problems]) console.error(line)
    return false
  }
  console.log(`已改写 / Rewritten: ${await backfillOrgAncestors(target.db)} orgs`)
  return true
}

runScript(main)
