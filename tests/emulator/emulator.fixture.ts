/**
 * Test-only: a CloudBase emulator on a fresh data directory, and the real @cloudbase/node-sdk pointed at
 * it the way a deployed function's is.
 *
 * The process is made to look like a cloud function runtime (TENCENTCLOUD_RUNENV=SCF, with the region
 * and namespace a function has): node-sdk's init() and every request otherwise probe the Tencent Cloud
 * metadata service (http://metadata.tencentyun.com, utils/metadata.js via cloudplatform.js) to learn
 * where they run. Every app is made with explicit credentials: an SDK call without any rejects from an
 * unawaited promise and can take Node 20 down with it (tcbapirequester.js prepareCredentials).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCloudEmulator, type CloudEmulator, type CloudEmulatorOptions } from '../../tools/cloud-emulator/emulator'
import type { FunctionRegistration } from '../../tools/cloud-emulator/service.types'
import type { CloudbaseDb } from '../../cloudfunctions/_shared/adapters/cloudbase/cloudbase-db'

export const ENV_ID = 'emu-test'

export function runLikeACloudFunction(envId = ENV_ID): void {
  process.env.TENCENTCLOUD_RUNENV = 'SCF'
  process.env.TENCENTCLOUD_REGION = 'ap-shanghai'
  process.env.SCF_NAMESPACE = envId
  // No "your request is longer than 3s" warnings from a loaded test machine.
  process.env.SILENCE = 'true'
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'cloud-emulator-test-'))
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

let registrations = 0

export function testFunction(name = 'test-fn'): FunctionRegistration {
  const n = ++registrations
  return {
    name,
    secretId: `AKIDtest${n}${name.replace(/[^a-z0-9]/gi, '')}`,
    secretKey: `secret-key-${n}`,
    sessionToken: `session-token-${n}`,
    openapi: [],
  }
}

export async function startTestEmulator(options: Partial<CloudEmulatorOptions> = {}): Promise<CloudEmulator> {
  runLikeACloudFunction(options.envId ?? ENV_ID)
  return startCloudEmulator({ dataDir: options.dataDir ?? freshDataDir(), envId: ENV_ID, ...options })
}

// The SDK's own types are loose; tests call it as node-sdk documents it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SdkApp = any

/** node-sdk's app for a registered function, over HTTP to the emulator. */
export function sdkApp(emulator: CloudEmulator, fn: FunctionRegistration, overrides: Record<string, unknown> = {}): SdkApp {
  // Loaded here, after runLikeACloudFunction.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tcb = require('@cloudbase/node-sdk') as { init(config: Record<string, unknown>): SdkApp }
  return tcb.init({
    env: emulator.envId,
    secretId: fn.secretId,
    secretKey: fn.secretKey,
    sessionToken: fn.sessionToken,
    serviceUrl: emulator.adminUrl,
    // Inside a function node-sdk opens a connection per request; tests make thousands.
    keepalive: true,
    timeout: 30_000,
    ...overrides,
  })
}

/** The `code` a promise rejects with (fails the test when it resolves). */
export async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return String((error as { code?: unknown }).code)
  }
  throw new Error('expected a rejection')
}

/**
 * One emulator for a test file and the real node-sdk's database on it, signed as one registered
 * function: started before the file's tests, stopped (and its data removed) after them.
 */
export function useEmulatorDatabase(functionName: string): { emulator: CloudEmulator; db: CloudbaseDb } {
  const handle = {} as { emulator: CloudEmulator; db: CloudbaseDb }
  let dataDir = ''
  beforeAll(async () => {
    dataDir = freshDataDir()
    handle.emulator = await startTestEmulator({ dataDir })
    const fn = testFunction(functionName)
    handle.emulator.registerFunction(fn)
    handle.db = sdkApp(handle.emulator, fn).database() as CloudbaseDb
  })
  afterAll(async () => {
    await handle.emulator?.close()
    removeDataDir(dataDir)
  })
  return handle
}
