/**
 * `npm run provision`: the collections and indexes of cloudfunctions/_shared/adapters/cloudbase/
 * indexes.json, and a security rule denying every client, on TCB_ENV_ID — changing only what differs,
 * so running it again changes nothing (deploy/provision/). `--dry-run` prints the plan only.
 */
import { runProvision } from '../deploy/provision/run-provision'

runProvision(process.env, (line) => console.log(line), process.argv.includes('--dry-run')).then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
