/**
 * `npm run start:cloud`: the fixed HTTP surface (cloudfunctions/_local/http-server.ts) served through
 * the production path — the built bundles (build/functions) on the function runner, reaching the
 * CloudBase emulator the way deployed functions reach CloudBase. The demo province is seeded through
 * the production store on first start; everything lives under DATA_DIR/cloud.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { provision } from '../../deploy/provision/provision.runner'
import { emulatorTarget } from '../../deploy/provision/emulator.target'
import { readManifest } from '../../deploy/provision/index-manifest'
import type { AdjustableClock } from '../../cloudfunctions/_shared/adapters/clock'
import type { Logger } from '../../cloudfunctions/_shared/ports/logger.port'
import { createHostServer } from '../../cloudfunctions/_local/http-server'
import { listen, stopListening } from '../../cloudfunctions/_local/host-cli'
import { checkListenHost } from '../../cloudfunctions/_local/listen-guard'
import { startCloudEmulator, type CloudEmulator } from '../cloud-emulator/emulator'
import { createOpenApiService, type OpenApiService } from '../cloud-emulator/openapi/openapi.service'
import type { FunctionRegistration } from '../cloud-emulator/service.types'
import { readDeployment } from '../function-runner/deployment'
import { createFunctionRunner, type FunctionRunner } from '../function-runner/runner'
import { cloudBackend } from './cloud-backend'
import { invocationClock, loadCloudClock } from './cloud-clock'
import { loadCloudSecrets } from './cloud-secrets'
import { productTemplates } from '../cloud-emulator/openapi/product-templates'
import { seedThroughRunner } from './seed-run'
import { seedDemoCases } from '../../cloudfunctions/_local/seed/demo-cases'

export const EMULATED_ENV_ID = 'fulian-emulated'
const APP_ID = 'wx00000000emulated'

export interface CloudHostOptions {
  dataDir: string
  port: number
  /** Loopback unless `allowRemote` (cloudfunctions/_local/listen-guard.ts). */
  host?: string
  /** ALLOW_REMOTE_DEV=1: listen beyond loopback, warning what that exposes. */
  allowRemote?: boolean
  staticDir?: string
  functionsDir?: string
  /** Tests pin time here; the offset from `/__dev/clock` is added on top. */
  clockBase?: () => number
  /** Fire timer triggers on their cron (default: on, unless the clock is pinned). */
  timers?: boolean
  maxInstances?: number
  log?: (line: string) => void
  /** On the first start, also the demo's cases, filed through the bundles (cloudfunctions/_local/seed/demo-cases.ts). */
  demoCases?: boolean
}

export interface RunningCloudHost {
  url: string
  emulator: CloudEmulator
  openapi: OpenApiService
  runner: FunctionRunner
  clock: AdjustableClock
  seeded: boolean
  close(): Promise<void>
}

function loggerOf(log: (line: string) => void): Logger {
  return {
    info: (message, fields) => log(JSON.stringify({ level: 'info', message, ...fields })),
    error: (message, fields) => log(JSON.stringify({ level: 'error', message, ...fields })),
  }
}

export async function startCloudHost(options: CloudHostOptions): Promise<RunningCloudHost> {
  // Before the emulator or any instance starts: a refused address starts nothing.
  const exposed = checkListenHost(options.host ?? '127.0.0.1', options.allowRemote ?? false)
  if (exposed) console.warn(exposed)
  const log = options.log ?? ((line: string) => console.log(line))
  const root = join(options.dataDir, 'cloud')
  mkdirSync(root, { recursive: true })
  const { clock, save: saveClock } = loadCloudClock(join(root, 'clock.json'), options.clockBase)
  const now = () => Date.parse(clock.now())
  const secrets = loadCloudSecrets(join(root, 'console-settings.json'))

  const registrations = new Map<string, FunctionRegistration>()
  const openapi = createOpenApiService({
    dataDir: join(root, 'openapi'),
    now,
    permissionsOf: (name) => registrations.get(name)?.openapi,
    templates: productTemplates({ ...secrets }),
    log,
  })
  const emulator = await startCloudEmulator({ dataDir: join(root, 'emulator'), envId: EMULATED_ENV_ID, port: 0, now, openapi, log })
  const register = (registration: FunctionRegistration) => {
    registrations.set(registration.name, registration)
    emulator.registerFunction(registration)
  }

  // The same provisioning as `npm run provision` (deploy/provision), on the emulator's database.
  await provision(emulatorTarget(emulator.database), readManifest(), { log })

  const runnerOptions = {
    envId: EMULATED_ENV_ID,
    appId: APP_ID,
    serviceUrl: emulator.adminUrl,
    register,
    clock: invocationClock(clock, options.clockBase !== undefined),
    log,
  }
  const functions = readDeployment({ functionsDir: options.functionsDir ?? 'build/functions', variables: { ...secrets } })
  const seeded = await seedThroughRunner(runnerOptions, functions[0]?.runtime ?? 'Nodejs20.19', functions[0]?.envVariables ?? { ...secrets })
  const runner = createFunctionRunner({ ...runnerOptions, functions, maxInstances: options.maxInstances ?? 2 })

  const backend = cloudBackend({
    runner,
    clock,
    saveClock,
    log,
    emulator: {
      orgs: async () =>
        emulator.database.find('orgs').map((doc) => ({
          id: String(doc._id),
          name: String(doc.name),
          level: String(doc.level),
          parentId: (doc.parentId as string | null) ?? null,
        })).sort((a, b) => a.id.localeCompare(b.id)),
      openapi,
      storage: emulator.storage,
    },
  })
  if (seeded && options.demoCases) await seedDemoCases(backend)
  const server = createHostServer({
    backend,
    staticDir: resolve(options.staticDir ?? 'dist/h5'),
    log: loggerOf(log),
    // The app shows photos from the storage's temp URLs, on the emulator's own port.
    imageOrigins: [new URL(emulator.url).origin],
  })
  const url = await listen(server, options.port, options.host)
  if (options.timers ?? options.clockBase === undefined) runner.startTimers()

  return {
    url,
    emulator,
    openapi,
    runner,
    clock,
    seeded,
    close: async () => {
      await stopListening(server)
      await runner.close()
      await emulator.close()
    },
  }
}
