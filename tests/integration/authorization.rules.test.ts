/**
 * Who may do what, as the product rules say it (README "Who may do what", "Privacy"; docs/RULES are the
 * README's flows) — a sample of cells written from the rules themselves, not read from the
 * authorization table (cloudfunctions/_shared/domain/authorization.table.ts), so a wrong row in the table
 * cannot make its own test pass. Through the fixed HTTP surface, on both hosts.
 */
import { HOST_KINDS, startHost, type SurfaceHost } from '../support/hosts'
import {
  ADMIN,
  aReport,
  CONVENER,
  COUNTY_CADRE,
  MEMBER,
  OTHER_RESIDENT,
  PROVINCE,
  RESIDENT,
  TOWNSHIP,
  TOWNSHIP_CADRE,
  VILLAGE,
  VILLAGE_CADRE,
} from '../support/demo'

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

/** 清水台村's resident (another township) and 道义村 (a sibling village, no council of ours). */
const RESIDENT_ELSEWHERE = 'demo-resident-zhou'
const SIBLING_VILLAGE = '210113001202'

describe.each(HOST_KINDS)('%s host', (kind) => {
  let host: SurfaceHost
  beforeAll(async () => {
    host = await startHost(kind)
  })
  afterAll(() => host.destroy())

  const answer = async (fn: string, openid: string, body: Record<string, unknown>) =>
    (await host.post<Envelope<Record<string, unknown>>>(`/api/${fn}`, body, openid)).body
  const codeOf = async (fn: string, openid: string, body: Record<string, unknown>) => {
    const reply = await answer(fn, openid, body)
    return reply.ok ? 'OK' : reply.error.code
  }
  const denied = (code: string) => code === 'FORBIDDEN' || code === 'NOT_FOUND'
  const report = async (openid: string, overrides: Record<string, unknown> = {}) => {
    const reply = await answer('intake', openid, aReport(overrides))
    if (!reply.ok) throw new Error(reply.error.message)
    return String(reply.data.caseId)
  }

  test('a case is accepted by its holder’s convener or cadre, never by a member, a resident or another council', async () => {
    const caseId = await report(RESIDENT)
    for (const openid of [MEMBER, RESIDENT, OTHER_RESIDENT, RESIDENT_ELSEWHERE]) {
      expect(denied(await codeOf('escalation', openid, { action: 'accept', caseId }))).toBe(true)
    }
    // An org above supervises it but does not hold it: it cannot accept in the village's place.
    expect(denied(await codeOf('escalation', TOWNSHIP_CADRE, { action: 'accept', caseId }))).toBe(true)
    expect(await codeOf('escalation', VILLAGE_CADRE, { action: 'accept', caseId })).toBe('OK')
    const second = await report(OTHER_RESIDENT)
    expect(await codeOf('escalation', CONVENER, { action: 'accept', caseId: second })).toBe('OK')
  })

  test('anyone who may not see a case is answered as if it did not exist', async () => {
    const caseId = await report(RESIDENT)
    const missing = await answer('intake', RESIDENT_ELSEWHERE, { action: 'get', caseId: 'case_doesnotexist0000' })
    const hidden = await answer('intake', RESIDENT_ELSEWHERE, { action: 'get', caseId })
    expect(hidden).toEqual(missing)
    // Her own, the holder's council and the supervising cadres above see it.
    for (const openid of [RESIDENT, CONVENER, MEMBER, TOWNSHIP_CADRE, COUNTY_CADRE]) {
      expect(await codeOf('intake', openid, { action: 'get', caseId })).toBe('OK')
    }
  })

  test('a sensitive case’s text is for the holder’s convener and cadres, not for an ordinary member', async () => {
    const content = '丈夫经常酒后打我，我想离婚但不敢说。'
    const caseId = await report(RESIDENT, { category: 'marriage_family', title: '家里的事想找人说说', content })
    const asMember = await answer('intake', MEMBER, { action: 'get', caseId })
    expect(JSON.stringify(asMember)).not.toContain(content)
    for (const openid of [CONVENER, VILLAGE_CADRE]) expect(JSON.stringify(await answer('intake', openid, { action: 'get', caseId }))).toContain(content)
  })

  test('only a council’s members vote, and nobody after it closes', async () => {
    const opened = await answer('deliberation', CONVENER, {
      action: 'open',
      orgId: VILLAGE,
      title: '村里办不办重阳节敬老活动',
      background: '大家商量一下。',
      options: ['办', '不办'],
      closesAt: new Date(Date.parse(String((await host.get<{ now: string }>('/__dev/clock')).now)) + 48 * 3_600_000).toISOString(),
    })
    if (!opened.ok) throw new Error(opened.error.message)
    const deliberationId = opened.data.deliberationId
    expect(await codeOf('deliberation', RESIDENT, { action: 'vote', deliberationId, choices: [0] })).toBe('FORBIDDEN')
    expect(await codeOf('deliberation', TOWNSHIP_CADRE, { action: 'vote', deliberationId, choices: [0] })).toBe('FORBIDDEN')
    expect(await codeOf('deliberation', MEMBER, { action: 'vote', deliberationId, choices: [0] })).toBe('OK')
    // Opening is the convener's (or the org's cadre's), not an ordinary member's.
    expect(denied(await codeOf('deliberation', MEMBER, { action: 'open', orgId: VILLAGE, title: '再议', background: '再议', options: ['是', '否'], closesAt: new Date(Date.now() + 864e5 * 400).toISOString() }))).toBe(true)
    expect(await codeOf('deliberation', CONVENER, { action: 'close', deliberationId })).toBe('OK')
    expect(await codeOf('deliberation', MEMBER, { action: 'vote', deliberationId, choices: [1] })).toBe('CONFLICT')
  })

  test('figures are a cadre’s own subtree; the org tree is the province admin’s', async () => {
    expect(await codeOf('stats', TOWNSHIP_CADRE, { action: 'overview', orgId: TOWNSHIP })).toBe('OK')
    expect(await codeOf('stats', TOWNSHIP_CADRE, { action: 'overview', orgId: VILLAGE })).toBe('OK')
    expect(denied(await codeOf('stats', TOWNSHIP_CADRE, { action: 'overview', orgId: PROVINCE }))).toBe(true)
    expect(denied(await codeOf('stats', RESIDENT, { action: 'overview', orgId: VILLAGE }))).toBe(true)
    expect(denied(await codeOf('account', COUNTY_CADRE, { action: 'renameOrg', orgId: SIBLING_VILLAGE, name: '道义新村' }))).toBe(true)
    expect(await codeOf('account', ADMIN, { action: 'renameOrg', orgId: SIBLING_VILLAGE, name: '道义新村' })).toBe('OK')
  })

  test('nobody is anybody but who the platform says: a body naming someone else changes nothing', async () => {
    const caseId = await report(RESIDENT)
    // An openid in the body is not an identity: the caller is still the unrelated resident.
    expect(await codeOf('escalation', RESIDENT_ELSEWHERE, { action: 'accept', caseId, openid: CONVENER })).not.toBe('OK')
    const seen = await answer('intake', RESIDENT, { action: 'get', caseId })
    expect(seen).toMatchObject({ ok: true, data: { case: { status: 'pending' } } })
  })
})
