/**
 * `npm run deploy`: bundles the functions (scripts/build-functions.ts), then creates or updates all six
 * on TCB_ENV_ID with their declared runtime, timeout, memory, variables and timer
 * (deploy/cloud/deploy.runner.ts), then brings the documents up to what the new bundles read: the open
 * deliberations' due instants (deliberation-due.migration.ts — without it the timer would never close
 * one opened before; repeatable, so a second deploy writes nothing). `--skip-build` deploys
 * build/functions as it is. docs/deploy.md has the variables it needs and what it cannot apply.
 */
import { spawnSync } from 'node:child_process'
import { readCloudTarget } from '../deploy/cloud/cloud-credentials.settings'
import { readFunctionVariables } from '../deploy/cloud/function-variables.settings'
import { runDeploy } from '../deploy/cloud/deploy.runner'
import { declarationList } from '../deploy/functions'
import { backfillDeliberationDue } from '../cloudfunctions/_shared/adapters/cloudbase/deliberation-due.migration'
import { cloudDatabase } from './cloud-script'

async function main(): Promise<number> {
  // Refuse before building when the shell lacks what the deploy needs (runDeploy checks again).
  const ready = readCloudTarget(process.env).ok && readFunctionVariables(process.env, declarationList()).ok
  if (ready && !process.argv.includes('--skip-build')) {
    const built = spawnSync('npx', ['tsx', 'scripts/build-functions.ts'], { stdio: 'inherit' })
    if (built.status !== 0) return 1
  }
  const ok = await runDeploy({ env: process.env, functionsDir: 'build/functions', log: (line) => console.log(line) })
  if (!ok) return 1
  // After the functions: an old bundle still serving would write a deliberation back without its due
  // instant. The same credentials as the deploy, which has just checked them.
  const target = cloudDatabase(process.env)
  if (!target.ok) return 1
  console.log(`议事截止时间已补写 / Deliberations given their due instant: ${await backfillDeliberationDue(target.db)}`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
