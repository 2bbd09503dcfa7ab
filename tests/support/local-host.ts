/** Starts the real local host on a throwaway data folder, a free port and a fixed clock. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../../cloudfunctions/_shared/ports/logger.port'
import { startLocalHost, type RunningHost } from '../../cloudfunctions/_local/local-host'
import { httpClient, type HttpClient } from './http-client'

/** Every test starts from the same instant: Monday 2026-11-30, 09:00 China time. */
export const FIXED_NOW = '2026-11-30T01:00:00.000Z'

export interface TestHost extends RunningHost, HttpClient {
  dataDir: string
  /** Stops the host and removes its data folder. */
  destroy(): Promise<void>
}

export async function startTestHost(options: { dataDir?: string; staticDir?: string; demoCases?: boolean } = {}): Promise<TestHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fulian-test-'))
  const fixed = Date.parse(FIXED_NOW)
  const host = await startLocalHost({
    dataDir,
    port: 0,
    staticDir: options.staticDir ?? 'dist/h5',
    clockBase: () => fixed,
    log: silentLogger,
    ...(options.demoCases && { demoCases: true }),
  })
  return {
    ...host,
    ...httpClient(host.url),
    dataDir,
    destroy: async () => {
      await host.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
