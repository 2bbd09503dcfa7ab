/** Starts the real local host on a throwaway data folder, a free port and a fixed clock. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../../cloudfunctions/_shared/ports/logger.port'
import { startLocalHost, type RunningHost } from '../../cloudfunctions/_local/local-host'

/** Every test starts from the same instant: Monday 2026-11-30, 09:00 China time. */
export const FIXED_NOW = '2026-11-30T01:00:00.000Z'

export interface TestHost extends RunningHost {
  dataDir: string
  post<T = unknown>(path: string, body: unknown, openid?: string): Promise<{ status: number; body: T }>
  get<T = unknown>(path: string): Promise<T>
  /** Stops the host and removes its data folder. */
  destroy(): Promise<void>
}

export async function startTestHost(options: { dataDir?: string; staticDir?: string } = {}): Promise<TestHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fulian-test-'))
  const fixed = Date.parse(FIXED_NOW)
  const host = await startLocalHost({
    dataDir,
    port: 0,
    staticDir: options.staticDir ?? 'dist/h5',
    clockBase: () => fixed,
    log: silentLogger,
  })
  return {
    ...host,
    dataDir,
    post: async (path, body, openid) => {
      const response = await fetch(host.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(openid ? { 'x-openid': openid } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      })
      return { status: response.status, body: await response.json() }
    },
    get: async (path) => (await fetch(host.url + path)).json(),
    destroy: async () => {
      await host.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
