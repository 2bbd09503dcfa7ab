/**
 * Test-only: a CloudBase emulator on a fresh data directory, and the real @cloudbase/node-sdk pointed at
 * it the way a deployed function's is (tools/cloud-emulator/node-sdk-client.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCloudEmulator, type CloudEmulator, type CloudEmulatorOptions } from '../../tools/cloud-emulator/emulator'
import type { FunctionRegistration } from '../../tools/cloud-emulator/service.types'
import type { CloudbaseDb } from '../../cloudfunctions/_shared/adapters/cloudbase/cloudbase-db'
import { runLikeACloudFunction as runLikeAFunction, sdkApp, type SdkApp } from '../../tools/cloud-emulator/node-sdk-client'

export const ENV_ID = 'emu-test'

export function runLikeACloudFunction(envId = ENV_ID): void {
  runLikeAFunction(envId)
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

export { sdkApp, type SdkApp }

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
