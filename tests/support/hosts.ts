/**
 * Both hosts behind the one fixed HTTP surface: the local host (`npm start`: every function in one
 * process on SQLite) and the production path (`npm run start:cloud`: the built bundles on the function
 * runner against the CloudBase emulator). A story written against `SurfaceHost` runs on each.
 */
import type { HttpClient } from './http-client'
import { startTestHost } from './local-host'
import { startTestCloudHost } from './cloud-host'

export type HostKind = 'local' | 'cloud'

export interface SurfaceHost extends HttpClient {
  kind: HostKind
  url: string
  dataDir: string
  /** Whether this start wrote the demo province (false on a restart on the same folder). */
  seeded: boolean
  /** Stops the host, keeping its data folder (to start it again on the same folder). */
  close(): Promise<void>
  destroy(): Promise<void>
}

export const HOST_KINDS: HostKind[] = ['local', 'cloud']

export async function startHost(kind: HostKind, options: { dataDir?: string; demoCases?: boolean } = {}): Promise<SurfaceHost> {
  const host = kind === 'local' ? await startTestHost(options) : await startTestCloudHost(options)
  return { ...host, kind }
}

/** One host of `kind` for the enclosing describe: started before its tests, destroyed after. */
export function useHost(kind: HostKind, options: { demoCases?: boolean } = {}): () => SurfaceHost {
  let host: SurfaceHost | undefined
  beforeAll(async () => {
    host = await startHost(kind, options)
  })
  afterAll(() => host?.destroy())
  return () => {
    if (!host) throw new Error('the host is not started yet')
    return host
  }
}
