/**
 * The real @cloudbase/node-sdk pointed at an emulator the way a deployed function's is: for tests and
 * benchmarks that run the CloudBase adapter in their own process.
 *
 * The process is made to look like a cloud function runtime (TENCENTCLOUD_RUNENV=SCF, with the region
 * and namespace a function has): node-sdk's init() and every request otherwise probe the Tencent Cloud
 * metadata service (http://metadata.tencentyun.com, utils/metadata.js via cloudplatform.js) to learn
 * where they run. Every app is made with explicit credentials: an SDK call without any rejects from an
 * unawaited promise and can take Node 20 down with it (tcbapirequester.js prepareCredentials).
 */
import type { CloudEmulator } from './emulator'
import type { FunctionRegistration } from './service.types'

export function runLikeACloudFunction(envId: string): void {
  process.env.TENCENTCLOUD_RUNENV = 'SCF'
  process.env.TENCENTCLOUD_REGION = 'ap-shanghai'
  process.env.SCF_NAMESPACE = envId
  // No "your request is longer than 3s" warnings from a loaded machine.
  process.env.SILENCE = 'true'
}

// The SDK's own types are loose; callers use it as node-sdk documents it.
export type SdkApp = any

/** node-sdk's app for a registered function, over HTTP to the emulator (call runLikeACloudFunction first). */
export function sdkApp(emulator: CloudEmulator, fn: FunctionRegistration, overrides: Record<string, unknown> = {}): SdkApp {
  // Loaded here, after runLikeACloudFunction.
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
