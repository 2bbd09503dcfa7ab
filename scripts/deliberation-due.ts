/**
 * One-off, after deploying the functions whose deliberation documents keep their next due instant
 * (cloudfunctions/_shared/adapters/cloudbase/deliberation-due.migration.ts): writes it into the open
 * deliberations put before, so the timer reminds and closes them. Safe to run again, and while the
 * functions serve.
 *
 *   TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… TCB_ENV_ID=… npx tsx scripts/deliberation-due.ts
 */
import { backfillDeliberationDue } from '../cloudfunctions/_shared/adapters/cloudbase/deliberation-due.migration'
import { cloudDatabase, runScript } from './cloud-script'

async function main(): Promise<boolean> {
  const target = cloudDatabase(process.env)
  if (!target.ok) {
    for (const line of ['未改动 / Nothing changed:', ...target.problems]) console.error(line)
    return false
  }
  console.log(`已改写 / Rewritten: ${await backfillDeliberationDue(target.db)} deliberations`)
  return true
}

runScript(main)
