/**
 * The ladder, driven by the clock through each host (the local one and the production path): a case
 * nobody accepts climbs one level per missed deadline, and at the province it stays, flagged overdue;
 * WeChat carries as many of her messages as she granted.
 */
import { HOST_KINDS, startHost, type SurfaceHost } from '../support/hosts'
import { aReport, CITY, COUNTY, PROVINCE, PROVINCE_CADRE, RESIDENT, TOWNSHIP, TOWNSHIP_CADRE } from '../support/demo'

describe.each(HOST_KINDS)('%s host', (kind) => {
  let host: SurfaceHost
  beforeAll(async () => {
    host = await startHost(kind)
  })
  afterAll(() => host.destroy())

  type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }
  type CaseView = { status: string; level: string; holderOrgId: string; overdue: boolean; timeline: { type: string; text: string }[] }

  async function caseAs(openid: string, caseId: string) {
    const { body } = await host.post<Envelope<{ case: CaseView }>>('/api/intake', { action: 'get', caseId }, openid)
    if (!body.ok) throw new Error(body.error.message)
    return body.data.case
  }

  test('an unaccepted case climbs the ladder deadline by deadline and stays at the province, overdue', async () => {
    const submitted = await host.post<Envelope<{ caseId: string }>>('/api/intake', aReport(), RESIDENT)
    if (!submitted.body.ok) throw new Error(submitted.body.error.message)
    const { caseId } = submitted.body.data
    // She allowed progress messages twice (two taps): two credits for that template.
    const templates = await host.post<Envelope<{ items: { key: string; templateId: string }[] }>>('/api/notify', { action: 'templates' }, RESIDENT)
    if (!templates.body.ok) throw new Error(templates.body.error.message)
    const progress = templates.body.data.items.find((t) => t.key === 'case_progress')!.templateId
    for (let tap = 0; tap < 2; tap++) {
      await host.post('/api/notify', { action: 'subscribe', accepted: [progress] }, RESIDENT)
    }

    const advanceAndTick = async () => {
      await host.post('/__dev/clock', { advanceHours: 25 })
      return (await host.post<{ escalation: { sweep: Record<string, number> } }>('/__dev/tick', {})).body
    }

    const first = await advanceAndTick()
    expect(first.escalation.sweep).toMatchObject({ escalated: 1, failed: 0 })
    expect(await caseAs(RESIDENT, caseId)).toMatchObject({ status: 'pending', level: 'township', holderOrgId: TOWNSHIP })

    for (const [level, org] of [['county', COUNTY], ['city', CITY], ['province', PROVINCE]] as const) {
      await advanceAndTick()
      expect(await caseAs(RESIDENT, caseId)).toMatchObject({ status: 'pending', level, holderOrgId: org })
    }

    const atProvince = await advanceAndTick()
    expect(atProvince.escalation.sweep).toMatchObject({ escalated: 0, flaggedOverdue: 1 })
    const flagged = await caseAs(PROVINCE_CADRE, caseId)
    expect(flagged).toMatchObject({ status: 'pending', level: 'province', holderOrgId: PROVINCE, overdue: true })

    // Nothing more to do until the province's resolve deadline: further ticks leave it alone.
    const again = await host.post<{ escalation: { sweep: Record<string, number> } }>('/__dev/tick', {})
    expect(again.body.escalation.sweep).toMatchObject({ escalated: 0, flaggedOverdue: 0, skipped: 0 })
    const timelineTypes = (await caseAs(RESIDENT, caseId)).timeline.map((t) => t.type)
    expect(timelineTypes).toEqual([
      'CaseSubmitted',
      'CaseEscalated',
      'CaseEscalated',
      'CaseEscalated',
      'CaseEscalated',
      'CaseFlaggedOverdue',
    ])

    // Her message centre has every step; WeChat carried as many as she had credits for.
    await host.post('/__dev/tick', {})
    const centre = await host.post<Envelope<{ items: { kind: string; delivered: boolean }[] }>>('/api/notify', { action: 'inbox' }, RESIDENT)
    if (!centre.body.ok) throw new Error(centre.body.error.message)
    const escalations = centre.body.data.items.filter((m) => m.kind === 'case_escalated')
    expect(escalations).toHaveLength(4)
    expect(escalations.filter((m) => m.delivered)).toHaveLength(2)
    const sent = await host.get<{ openid: string; kind?: string; templateId: string }[]>(`/__dev/outbox?openid=${RESIDENT}`)
    expect(sent).toHaveLength(2)
    // What WeChat received knows no message kinds; the local stand-in also records the kind.
    if (kind === 'local') expect(sent.map((m) => m.kind)).toEqual(['case_escalated', 'case_escalated'])
    expect(sent.every((m) => m.templateId === progress)).toBe(true)
    // The township heard that it arrived, in its message centre (its cadre allowed no messages).
    const township = await host.post<Envelope<{ items: { kind: string }[] }>>('/api/notify', { action: 'inbox' }, TOWNSHIP_CADRE)
    if (!township.body.ok) throw new Error(township.body.error.message)
    expect(township.body.data.items.map((m) => m.kind)).toContain('case_arrived')
  })
})
