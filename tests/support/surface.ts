/**
 * One host per describe block, and the calls a story makes through its fixed surface as a person: her
 * data (a failed envelope fails the test) and a case as she is shown it.
 */
import type { CaseDetail, CaseSummary } from '../../types/case.contract'
import type { SupervisedCase } from '../../types/escalation.contract'
import type { MessageItem } from '../../types/notify.contract'
import { aReport, RESIDENT } from './demo'
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

/** What a sweep of the escalation timer did, as `/__dev/tick` answers it. */
export interface SweepReport {
  escalated: number
  reminded: number
  skipped: number
  failed: number
}

/**
 * The calls the stories of the case work share, on one surface session: the 督办 list's entry for a
 * case, a desk, a person's messages about a case, the host's clock and sweep, and `report`, which files a
 * case for the resident and withdraws it after the test — the stories share a host and its clock, so
 * no later story's sweep counts another's deadlines.
 */
export function useCaseStories(session: SurfaceSession) {
  const filed: string[] = []
  afterEach(async () => {
    for (const caseId of filed.splice(0)) await session.host.post('/api/intake', { action: 'withdraw', caseId }, RESIDENT)
  })
  return {
    supervised: async (openid: string, caseId: string) =>
      (await session.call<{ items: SupervisedCase[] }>('escalation', openid, { action: 'overdue' })).items.find((c) => c.id === caseId),
    desk: async (openid: string) => (await session.call<{ items: CaseSummary[] }>('escalation', openid, { action: 'inbox' })).items,
    messagesOf: async (openid: string, kind: string, caseId: string) =>
      (await session.call<{ items: MessageItem[] }>('notify', openid, { action: 'inbox' })).items.filter((m) => m.kind === kind && m.page.endsWith(caseId)),
    later: (hours: number) => session.host.post('/__dev/clock', { advanceHours: hours }),
    now: async () => (await session.host.get<{ now: string }>('/__dev/clock')).now,
    tick: async () => (await session.host.post<{ escalation: { sweep: SweepReport } }>('/__dev/tick', {})).body.escalation.sweep,
    report: async (title: string) => {
      const { caseId } = await session.call<{ caseId: string }>('intake', RESIDENT, aReport({ title }))
      filed.push(caseId)
      return caseId
    },
  }
}
