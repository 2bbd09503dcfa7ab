/** One local host and one phone-sized browser per e2e file: started before its tests, stopped after. */
import type { BrowserContext } from 'playwright-core'
import { startTestHost, type TestHost } from '../../support/local-host'
import { launchPhone } from './browser'

export interface E2eSession {
  host: TestHost
  browser: BrowserContext
}

export function useHostAndPhone(): E2eSession {
  const session = {} as E2eSession
  beforeAll(async () => {
    session.host = await startTestHost()
    session.browser = await launchPhone()
  })
  afterAll(async () => {
    await session.browser?.close()
    await session.host?.destroy()
  })
  return session
}
