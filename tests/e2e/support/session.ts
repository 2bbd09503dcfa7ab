/**
 * One host and one phone-sized browser per e2e file: started before its tests, stopped after. The host
 * is the local one unless a file asks for the production path ('cloud': the built bundles on the
 * function runner and the CloudBase emulator, tests/support/cloud-host.ts).
 */
import type { BrowserContext } from 'playwright-core'
import { startHost, type HostKind, type SurfaceHost } from '../../support/hosts'
import { launchPhone } from './browser'

export interface E2eSession {
  host: SurfaceHost
  browser: BrowserContext
}

export function useHostAndPhone(kind: HostKind = 'local', options: { demoCases?: boolean } = {}): E2eSession {
  const session = {} as E2eSession
  beforeAll(async () => {
    session.host = await startHost(kind, options)
    session.browser = await launchPhone()
  })
  afterAll(async () => {
    await session.browser?.close()
    await session.host?.destroy()
  })
  return session
}
