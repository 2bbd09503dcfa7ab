/**
 * 数据看板's trend (stats.trend) and the cases behind its figures (stats.cases) through the fixed HTTP
 * surface on each host: the local one on SQLite and the production path (the built bundles on the
 * function runner and the CloudBase emulator). Cases move by the real actions and the sweep; every
 * assertion is on what a person is answered.
 *
 * The clock starts on 2026-11-30 09:00 China time: a day later it is December.
 */
import { HOST_KINDS, useHost } from '../support/hosts'
import { aReport, CONVENER, COUNTY, COUNTY_CADRE, MEMBER, OTHER_RESIDENT, RESIDENT, TOWNSHIP, TOWNSHIP_CADRE } from '../support/demo'
import type { StatsCases, StatsOverview, StatsTrend } from '../../types/stats.contract'
import { dataOf, refusalOf } from '../support/http-client'

const DAOYI_VILLAGE = '210113001202' // 道义村, 道义街道
const QINGSHUITAI_VILLAGE = '210113102201' // 清水台村, the county's other township
const ZHOU = 'demo-resident-zhou'

jest.setTimeout(120_000)

/** Newest first as the store lists them: by submission instant, then by id, both descending (the host's clock stands still between calls). */
const newestFirst = (cases: { id: string; hour: number }[]) =>
  [...cases].sort((x, y) => y.hour - x.hour || (y.id < x.id ? -1 : y.id > x.id ? 1 : 0)).map((c) => c.id)

describe.each(HOST_KINDS)('%s host', (kind) => {
  const host = useHost(kind)
  const call = <T>(fn: string, openid: string, body: Record<string, unknown>) => dataOf<T>(host(), fn, openid, body)
  const refused = (openid: string, body: Record<string, unknown>, fn = 'stats') => refusalOf(host(), fn, openid, body)
  const later = (hours: number) => host().post('/__dev/clock', { advanceHours: hours })
  const submit = async (openid: string, fields: Record<string, unknown>) => (await call<{ caseId: string }>('intake', openid, aReport(fields))).caseId
  const act = (openid: string, caseId: string, action: string, fields: Record<string, unknown> = {}) => call('escalation', openid, { action, caseId, ...fields })
  const trend = (openid: string, orgId: string, from: string, to: string) => call<StatsTrend>('stats', openid, { action: 'trend', orgId, from, to })
  const drill = (openid: string, orgId: string, filter: Record<string, unknown>, cursor?: string) =>
    call<StatsCases>('stats', openid, { action: 'cases', orgId, filter, ...(cursor && { cursor }) })
  /** Every page of a figure's cases, as the app's 加载更多 reads them. */
  const allPages = async (openid: string, orgId: string, filter: Record<string, unknown>) => {
    const pages: StatsCases[] = [await drill(openid, orgId, filter)]
    while (pages.at(-1)!.next) pages.push(await drill(openid, orgId, filter, pages.at(-1)!.next))
    return pages
  }
  const row = (t: StatsTrend['months'][number] | StatsTrend['total']) => [
    t.submitted, t.accepted, t.resolved, t.ratings, t.satisfactionRate, t.solveRate, t.onTimeRate, t.responseRate,
  ]

  test('a township cadre reads her months and taps through her figures to the cases behind them', async () => {
    // November: A at 蒲河村 is accepted, resolved and rated there within two hours; B, a sensitive one
    // at 道义村, waits; C is in the county's other township.
    const a = await submit(RESIDENT, { title: '村口路灯坏了' })
    const b = await submit(OTHER_RESIDENT, { villageId: DAOYI_VILLAGE, category: 'marriage_family', title: '丈夫经常打我', content: '请帮帮我和孩子。' })
    await submit(ZHOU, { villageId: QINGSHUITAI_VILLAGE, title: '垃圾清运不及时' })
    await later(1)
    await act(CONVENER, a, 'accept')
    await act(CONVENER, a, 'resolve', { outcome: 'solved', resolution: '已联系供电所更换路灯' })
    await call('intake', RESIDENT, { action: 'rate', caseId: a, solved: 'yes', satisfaction: 'satisfied' })

    // December: 道义村 never accepted B, so the sweep sends it to 道义街道, which passes it to the county.
    await later(24)
    await host().post('/__dev/tick', {})
    await act(TOWNSHIP_CADRE, b, 'escalate', { reason: '涉及家庭暴力，需县妇联协调' })
    // And 22 reports from 蒲河村, some hours apart, waiting to be accepted.
    const filed: { id: string; hour: number }[] = []
    for (let i = 0, hour = 0; i < 22; i++) {
      if (i % 8 === 7) {
        hour++
        await later(1)
      }
      filed.push({ id: await submit(`drill-resident-${i}`, { title: `十二月反映第${i + 1}件` }), hour })
    }
    const december = newestFirst(filed)

    // The trend: one read of her months; the range's rates from its sums.
    const months = await trend(TOWNSHIP_CADRE, TOWNSHIP, '2026-10', '2026-12')
    expect(months).toMatchObject({ org: { id: TOWNSHIP, name: '道义街道', level: 'township' }, from: '2026-10', to: '2026-12' })
    expect(months.months.map((m) => [m.month, ...row(m)])).toEqual([
      ['2026-10', 0, 0, 0, 0, null, null, null, null],
      ['2026-11', 2, 1, 1, 1, 1, 1, 1, 1],
      // B's accept deadline missed at 道义村: due, not met.
      ['2026-12', 22, 0, 0, 0, null, null, null, 0],
    ])
    expect(row(months.total)).toEqual([24, 1, 1, 1, 1, 1, 1, 0.5])
    // The county's include the other township's report.
    expect((await trend(COUNTY_CADRE, COUNTY, '2026-11', '2026-11')).total.submitted).toBe(3)

    // 待受理 on her dashboard, and the cases behind it: all of them, newest first, 20 a page.
    const overview = await call<StatsOverview>('stats', TOWNSHIP_CADRE, { action: 'overview', orgId: TOWNSHIP })
    expect(overview.cases.byStatus.pending).toBe(23)
    const pending = await allPages(TOWNSHIP_CADRE, TOWNSHIP, { status: 'pending' })
    expect(pending.map((p) => p.items.length)).toEqual([20, 3])
    expect(pending[1]!.next).toBeUndefined()
    const listed = pending.flatMap((p) => p.items)
    expect(listed.map((c) => c.id)).toEqual([...december, b])
    expect(listed[0]).toMatchObject({ status: 'pending', holderOrgName: '蒲河村', openable: true, redacted: false })
    expect(listed[0]!.title).toMatch(/^十二月反映第\d+件$/)

    // B went past her to the county: still counted in her figures, listed as her export shows it —
    // redacted, and not to open (her case page would not show it).
    const gone = listed.at(-1)!
    expect(gone).toMatchObject({ id: b, title: '涉及个人隐私的反映', category: 'marriage_family', level: 'county', holderOrgName: '沈北新区', redacted: true, openable: false })
    expect(JSON.stringify(pending)).not.toContain('丈夫经常打我')
    expect(gone).not.toHaveProperty('urges')
    expect((await refused(TOWNSHIP_CADRE, { action: 'get', caseId: b }, 'intake')).code).toBe('NOT_FOUND')
    // The county, which holds it, reads it whole and may open it.
    const countyView = (await drill(COUNTY_CADRE, COUNTY, { category: 'marriage_family' })).items
    expect(countyView.map((c) => [c.id, c.title, c.redacted, c.openable])).toEqual([[b, '丈夫经常打我', false, true]])

    // The chosen months: December's pending reports only.
    const inDecember = await allPages(TOWNSHIP_CADRE, TOWNSHIP, { status: 'pending', from: '2026-12', to: '2026-12' })
    expect(inDecember.flatMap((p) => p.items).map((c) => c.id)).toEqual(december)
    expect((await drill(TOWNSHIP_CADRE, TOWNSHIP, { from: '2026-11', to: '2026-11' })).items.map((c) => c.id)).toEqual(newestFirst([{ id: a, hour: 0 }, { id: b, hour: 0 }]))
    // Where it was resolved, and 超期未办结.
    expect((await drill(TOWNSHIP_CADRE, TOWNSHIP, { level: 'village' })).items.map((c) => [c.id, c.status])).toEqual([[a, 'closed']])
    expect((await drill(TOWNSHIP_CADRE, TOWNSHIP, { level: 'township' })).items).toEqual([])
    expect((await drill(TOWNSHIP_CADRE, TOWNSHIP, { overdue: true })).items.map((c) => [c.id, c.title])).toEqual([[b, '涉及个人隐私的反映']])
    // Her village's convener follows what it sent up, without its private text.
    const convener = (await drill(CONVENER, '210113001201', { category: 'governance', from: '2026-11', to: '2026-11' })).items
    expect(convener.map((c) => c.id)).toEqual([a])

    // Who may read it: as stats.overview; what a tap may send.
    expect((await refused(MEMBER, { action: 'cases', orgId: TOWNSHIP, filter: {} })).code).toBe('FORBIDDEN')
    expect((await refused(TOWNSHIP_CADRE, { action: 'cases', orgId: COUNTY, filter: {} })).code).toBe('FORBIDDEN')
    expect((await refused(TOWNSHIP_CADRE, { action: 'trend', orgId: COUNTY, from: '2026-11', to: '2026-12' })).code).toBe('FORBIDDEN')
    expect(await refused(TOWNSHIP_CADRE, { action: 'cases', orgId: TOWNSHIP, filter: { status: 'pending', category: 'personal' } })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('一次只能查看一项数字背后的反映'),
    })
    expect(await refused(TOWNSHIP_CADRE, { action: 'cases', orgId: TOWNSHIP, filter: {}, cursor: 'page-2' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '翻页位置无效，请重新打开列表',
    })
    expect(await refused(TOWNSHIP_CADRE, { action: 'trend', orgId: TOWNSHIP, from: '2024-12', to: '2026-12' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('一次最多查看 24 个月'),
    })
  })
})
