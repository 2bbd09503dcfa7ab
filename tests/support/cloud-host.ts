/**
 * The production path for tests: the built bundles (build/functions, made by `npm test` before jest)
 * on the function runner and the CloudBase emulator, on a throwaway data folder, a free port and the
 * same fixed clock as the local test host. Timer triggers fire only through `/__dev/tick`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCloudHost, type RunningCloudHost } from '../../tools/cloud-host/cloud-host'
import { FIXED_NOW } from './local-host'
import { httpClient, type HttpClient } from './http-client'

export interface TestCloudHost extends RunningCloudHost, HttpClient {
  dataDir: string
  /** What the function instances printed (their console is the platform's log). */
  logs: string[]
  destroy(): Promise<void>
}

export async function startTestCloudHost(options: { dataDir?: string; staticDir?: string; demoCases?: boolean } = {}): Promise<TestCloudHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fulian-cloud-test-'))
  const fixed = Date.parse(FIXED_NOW)
  const logs: string[] = []
  const host = await startCloudHost({
    dataDir,
    port: 0,
    staticDir: options.staticDir ?? 'dist/h5',
    clockBase: () => fixed,
    timers: false,
    log: (line) => logs.push(line),
    ...(options.demoCases && { demoCases: true }),
  })
  return {
    ...host,
    ...httpClient(host.url),
    dataDir,
    logs,
    destroy: async () => {
      await host.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
