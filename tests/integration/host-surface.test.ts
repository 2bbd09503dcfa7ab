/**
 * The hosts' fixed HTTP surface (README.md "Trying it"), on each host: the local one (SQLite) and the
 * production path (the built bundles on the function runner and the CloudBase emulator).
 */
import { FIXED_NOW } from '../support/local-host'
import { HOST_KINDS, startHost, type SurfaceHost } from '../support/hosts'
import { dataOf } from '../support/http-client'
import type { StatsOverview } from '../../types/stats.contract'
import { PROVINCE, PROVINCE_CADRE, RESIDENT, aReport } from '../support/demo'

describe.each(HOST_KINDS)('%s host', (kind) => {
  let host: SurfaceHost
  beforeAll(async () => {
    host = await startHost(kind)
  })
  afterAll(() => host.destroy())

  test('personas cover every role, a cadre at every level, and residents in four townships', async () => {
    const personas = await host.get<{ openid: string; role: string; level: string; orgId: string; orgName: string }[]>(
      '/__dev/personas',
    )
    expect(new Set(personas.map((p) => p.role))).toEqual(new Set(['resident', 'member', 'convener', 'cadre', 'admin']))
    const cadreLevels = personas.filter((p) => p.role === 'cadre').map((p) => p.level)
    expect(new Set(cadreLevels)).toEqual(new Set(['village', 'township', 'county', 'city', 'province']))
    const orgs = await host.get<{ id: string; parentId: string | null }[]>('/__dev/orgs')
    const parentOf = new Map(orgs.map((o) => [o.id, o.parentId]))
    const residentTownships = new Set(personas.filter((p) => p.role === 'resident').map((p) => parentOf.get(p.orgId)))
    expect(residentTownships.size).toBeGreaterThanOrEqual(4)
    expect(personas.filter((p) => p.role === 'member' && p.orgId === '210113001201').length).toBeGreaterThanOrEqual(5)
    for (const persona of personas) expect(persona.orgName).not.toBe('')
  })

  test('the org tree has a province, three cities, and villages under townships', async () => {
    const orgs = await host.get<{ level: string }[]>('/__dev/orgs')
    const count = (level: string) => orgs.filter((o) => o.level === level).length
    expect(count('province')).toBe(1)
    expect(count('city')).toBeGreaterThanOrEqual(3)
    expect(count('village')).toBeGreaterThanOrEqual(8)
  })

  test('account.me answers the roles of the persona in x-openid', async () => {
    const { status, body } = await host.post('/api/account', { action: 'me' }, 'demo-cadre-township')
    expect(status).toBe(200)
    expect(body).toEqual({
      ok: true,
      data: {
        openid: 'demo-cadre-township',
        name: '高美华',
        homeOrgId: null,
        homeOrgName: null,
        publicPhone: null,
        council: null,
        roles: [{ role: 'cadre', orgId: '210113001', orgName: '道义街道', level: 'township' }],
      },
    })
  })

  test('account.orgs walks the tree for the village picker', async () => {
    const { body } = await host.post('/api/account', { action: 'orgs', parentId: '210113001' }, 'demo-resident-zhao')
    expect(body).toMatchObject({
      ok: true,
      data: { items: expect.arrayContaining([expect.objectContaining({ name: '蒲河村', level: 'village', hasChildren: false })]) },
    })
    const missing = await host.post('/api/account', { action: 'orgs', parentId: 'nowhere' }, 'demo-resident-zhao')
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  test.each([
    ['malformed JSON', '/api/account', '{"action":', 'demo-admin', 400, 'INVALID_INPUT'],
    ['an unknown function', '/api/nothing', { action: 'me' }, 'demo-admin', 404, 'NOT_FOUND'],
    ['an unknown action', '/api/account', { action: 'explode' }, 'demo-admin', 200, 'INVALID_INPUT'],
    ['no identity', '/api/account', { action: 'me' }, undefined, 200, 'UNAUTHENTICATED'],
  ])('%s answers an envelope', async (_, path, body, openid, status, code) => {
    const reply = await host.post<{ ok: boolean; error: { code: string; message: string } }>(path, body, openid)
    expect(reply.status).toBe(status)
    expect(reply.body.ok).toBe(false)
    expect(reply.body.error.code).toBe(code)
    expect(reply.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  test('an oversized body is refused before it is parsed', async () => {
    const reply = await host.post('/api/account', { action: 'me', padding: 'x'.repeat(300 * 1024) }, 'demo-admin')
    expect(reply.status).toBe(413)
  })

  test('the clock moves forward on request and the tick runs the timer jobs', async () => {
    expect(await host.get('/__dev/clock')).toEqual({ now: FIXED_NOW })
    const moved = await host.post('/__dev/clock', { advanceHours: 25 })
    expect(moved.body).toEqual({ now: '2026-12-01T02:00:00.000Z' })
    const refused = await host.post('/__dev/clock', { advanceHours: -1 })
    expect(refused.status).toBe(400)
    const tick = await host.post('/__dev/tick', {})
    expect(tick.status).toBe(200)
    expect(await host.get('/__dev/outbox')).toEqual(expect.any(Array))
  })

  test("a report counts in the province's figures at once, and the same after the timers run", async () => {
    const total = async () => (await dataOf<StatsOverview>(host, 'stats', PROVINCE_CADRE, { action: 'overview', orgId: PROVINCE })).cases.total
    const before = await total()
    await dataOf(host, 'intake', RESIDENT, aReport({ clientRequestId: `surface-count-${kind}` }))
    expect(await total()).toBe(before + 1)
    const tick = await host.post<{ notify: { foldCounters: { folded: number } } }>('/__dev/tick', {})
    // CloudBase keeps the report's counter changes as a delta until the notify timer folds it
    // (adapters/cloudbase/counters.cloudbase.ts); SQLite adds them in the report's transaction.
    expect(tick.body.notify.foldCounters.folded > 0).toBe(kind === 'cloud')
    expect(await total()).toBe(before + 1)
  })

  test('a restart on the same data folder keeps the data and the clock', async () => {
    const dataDir = host.dataDir
    const before = await host.get('/__dev/clock')
    await host.close()
    host = await startHost(kind, { dataDir })
    expect(host.seeded).toBe(false)
    expect(await host.get('/__dev/clock')).toEqual(before)
    const { body } = await host.post('/api/account', { action: 'me' }, 'demo-admin')
    expect(body).toMatchObject({ ok: true, data: { name: '罗建华' } })
  })
})
