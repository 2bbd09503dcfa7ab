/**
 * One host per describe block, and the calls a story makes through its fixed surface as a person: her
 * data (a failed envelope fails the test) and a case as she is shown it.
 */
import type { CaseDetail } from '../../types/case.contract'
import { startHost, type HostKind, type SurfaceHost } from './hosts'
import { dataOf } from './http-client'

export interface SurfaceSession {
  host: SurfaceHost
  call<T>(fn: string, openid: string, body: Record<string, unknown>): Promise<T>
  caseAs(openid: string, caseId: string): Promise<CaseDetail>
}

export function useSurfaceHost(kind: HostKind): SurfaceSession {
  const session: SurfaceSession = {
    host: undefined as unknown as SurfaceHost,
    call: (fn, openid, body) => dataOf(session.host, fn, openid, body),
    caseAs: async (openid, caseId) => (await session.call<{ case: CaseDetail }>('intake', openid, { action: 'get', caseId })).case,
  }
  beforeAll(async () => {
    session.host = await startHost(kind)
  })
  afterAll(() => session.host?.destroy())
  return session
}
