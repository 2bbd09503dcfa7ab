/**
 * What the one-off CloudBase scripts (seal-identities.ts, org-ancestors.ts) share: the database of
 * the environment the credentials in the environment name, and one way to end (exit code 1 on a
 * refusal or a failure).
 */
import tcb from '@cloudbase/node-sdk'
import { readCloudTarget } from '../deploy/cloud/cloud-credentials.settings'
import type { CloudbaseDb } from '../cloudfunctions/_shared/adapters/cloudbase/cloudbase-db'

export function cloudDatabase(env: NodeJS.ProcessEnv): { ok: true; db: CloudbaseDb } | { ok: false; problems: string[] } {
  const target = readCloudTarget(env)
  if (!target.ok) return { ok: false, problems: target.problems }
  const { secretId, secretKey, token, envId, region } = target.target
  const db = tcb.init({ env: envId, secretId, secretKey, ...(token && { sessionToken: token }), ...(region && { region }) }).database()
  return { ok: true, db: db as unknown as CloudbaseDb }
}

/** Runs `main`; the process exits 0 when it answers true, 1 when false or when it throws. */
export function runScript(main: () => Promise<boolean>): void {
  main().then(
    (ok) => process.exit(ok ? 0 : 1),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
