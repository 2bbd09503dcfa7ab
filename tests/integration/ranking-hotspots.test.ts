/**
 * The monthly scorecard (stats.ranking, stats.exportRanking) and the early warning (stats.hotspots,
 * the alert message) through the fixed HTTP surface on each host: the local one on SQLite and the
 * production path (the built bundles on the function runner and the CloudBase emulator). Cases move
 * by the real actions and the sweep; every assertion is on what a person is answered.
 *
 * The clock starts on 2026-11-30 09:00 China time: a day later it is December, so the stories also
 * show each event counted in the month it happened.
 */
import { HOST_KINDS, useHost } from '../support/hosts'
import {
  aReport,
  CONVENER,
  COUNTY,
  COUNTY_CADRE,
  MEMBER,
  OTHER_RESIDENT,
  RESIDENT,
  TOWNSHIP,
  TOWNSHIP_CADRE,
  VILLAGE,
} from '../support/demo'
import type { MessageItem } from '../../types/notify.contract'
import type { RankingExport, StatsHotspots, StatsRanking } from '../../types/stats.contract'
import { dataOf, refusalOf } from '../support/http-client'

const DAOYI_VILLAGE = '210113001202' // 道义村, 道义街道
const ZHENGLIANG = '210113001003' // 正良社区, 道义街道
const QINGSHUITAI = '210113102' // 清水台镇, the county's other township
const QINGSHUITAI_VILLAGE = '210113102201' // 清水台村
const ZHOU = 'demo-resident-zhou'
const WU = 'demo-resident-wu'
const ZHENG = 'demo-resident-zheng'

describe.each(HOST_KINDS)('%s host', (kind) => {
  const host = useHost(kind)
  const call = <T>(fn: string, openid: string, body: Record<string, unknown>) => dataOf<T>(host(), fn, openid, body)
  const refused = async (openid: string, body: Record<string, unknown>) => refusalOf(host(), 'stats', openid, body)
  const later = (hours: number) => host().post('/__dev/clock', { advanceHours: hours })
  const submit = async (openid: string, fields: Record<string, unknown>) => (await call<{ caseId: string }>('intake', openid, aReport(fields))).caseId
  const act = (openid: string, caseId: string, action: string, fields: Record<string, unknown> = {}) => call('escalation', openid, { action, caseId, ...fields })
  const rate = (openid: string, caseId: string, solved: string, satisfaction: string) => call('intake', openid, { action: 'rate', caseId, solved, satisfaction })
  const ranking = (openid: string, orgId: string, month: string) => call<StatsRanking>('stats', openid, { action: 'ranking', orgId, month })
  const hotspots = (openid: string, orgId: string) => call<StatsHotspots>('stats', openid, { action: 'hotspots', orgId })
  const alerts = async (openid: string) =>
    (await call<{ items: MessageItem[] }>('notify', openid, { action: 'inbox' })).items.filter((m) => m.kind === 'hotspot_alert')
  const row = (r: StatsRanking) => r.items.map((i) => [i.name, i.rank, i.score, i.cases, i.responseRate, i.solveRate, i.satisfactionRate, i.onTimeRate, i.urged])

  test('the monthly scorecard ranks each org’s children by the month their cases were handled in', async () => {
    // November (today is the 30th): A is accepted, resolved and rated at 蒲河村 within two hours.
    const a = await submit(RESIDENT, { title: '村口路灯坏了' })
    const b = await submit(OTHER_RESIDENT, { villageId: DAOYI_VILLAGE, title: '村道坑洼积水' })
    await submit(ZHOU, { villageId: QINGSHUITAI_VILLAGE, title: '垃圾清运不及时' })
    await later(1)
    await act(CONVENER, a, 'accept')
    await later(1)
    await act(CONVENER, a, 'resolve', { outcome: 'solved', resolution: '已联系供电所更换路灯' })
    await rate(RESIDENT, a, 'yes', 'satisfied')

    // December: 道义村 never accepted B, the sweep sends it to 道义街道, which accepts it in time and
    // resolves it; she says 部分解决, 基本满意. 清水台村 never accepted C either.
    await later(24)
    await host().post('/__dev/tick', {})
    await act(TOWNSHIP_CADRE, b, 'accept')
    await later(2)
    await act(TOWNSHIP_CADRE, b, 'resolve', { outcome: 'partly_solved', resolution: '已安排填平坑洼' })
    await rate(OTHER_RESIDENT, b, 'partly', 'basic')

    const november = await ranking(COUNTY_CADRE, COUNTY, '2026-11')
    expect(november).toMatchObject({ org: { id: COUNTY, name: '沈北新区', level: 'county' }, month: '2026-11', weights: { response: 30, solve: 35, satisfaction: 35 } })
    expect(row(november)).toEqual([
      ['道义街道', 1, 100, 2, 1, 1, 1, 1, 0],
      // 清水台镇 had a case but nothing fell due in November: no rates, no score, ranked last.
      ['清水台镇', 2, null, 1, null, null, null, null, 0],
    ])
    const december = await ranking(COUNTY_CADRE, COUNTY, '2026-12')
    // 道义街道: B's missed deadline at 道义村 and its acceptance at the township (½), its resolution on
    // time, a 部分解决 (not solved) that was 基本满意 (satisfied): (0.5·30 + 0·35 + 1·35) / 100.
    // 清水台镇: C's missed deadline at 清水台村 (it now waits at the township): 0.
    expect(row(december)).toEqual([
      ['道义街道', 1, 50, 0, 0.5, 0, 1, 1, 0],
      ['清水台镇', 2, 0, 0, 0, null, null, null, 0],
    ])

    // Without a month: the server's current one (China time), named in the answer.
    expect(await call<StatsRanking>('stats', COUNTY_CADRE, { action: 'ranking', orgId: COUNTY })).toEqual(december)

    // The township ranks its villages: 道义村 missed its deadline in December, the others had nothing.
    expect(row(await ranking(TOWNSHIP_CADRE, TOWNSHIP, '2026-11'))).toEqual([
      ['蒲河村', 1, 100, 1, 1, 1, 1, 1, 0],
      // Equal (no score), in the order of their codes.
      ['正良社区', 2, null, 0, null, null, null, null, 0],
      ['道义村', 2, null, 1, null, null, null, null, 0],
    ])
    expect(row(await ranking(TOWNSHIP_CADRE, TOWNSHIP, '2026-12'))[0]).toEqual(['道义村', 1, 0, 0, 0, null, null, null, 0])
    // A month before any counter: zeros, every child unranked.
    expect((await ranking(COUNTY_CADRE, COUNTY, '2025-01')).items.map((i) => [i.rank, i.score, i.cases])).toEqual([
      [1, null, 0],
      [1, null, 0],
    ])
    // A village has no children to rank.
    expect((await ranking(CONVENER, VILLAGE, '2026-11')).items).toEqual([])

    // The 通报: rank order, the weights in the headers, "—" where nothing was measured.
    const file = await call<RankingExport>('stats', COUNTY_CADRE, { action: 'exportRanking', orgId: COUNTY, month: '2026-11' })
    expect(file.filename).toBe('议事会月度通报_沈北新区_2026-11.csv')
    expect(file.rows).toBe(2)
    expect(file.csv.split('\r\n')).toEqual([
      '\uFEFF排名,单位,综合得分,响应率（权重30%）,解决率（权重35%）,满意率（权重35%）,按时办结率,被催办次数,本月反映数,知识库更新数',
      '1,道义街道,100.0,100%,100%,100%,100%,0,2,0',
      '2,清水台镇,—,—,—,—,—,0,1,0',
      '',
    ])

    // Who may read it: as stats.overview.
    expect((await refused(MEMBER, { action: 'ranking', orgId: VILLAGE, month: '2026-11' })).code).toBe('FORBIDDEN')
    expect((await refused(TOWNSHIP_CADRE, { action: 'ranking', orgId: COUNTY, month: '2026-11' })).code).toBe('FORBIDDEN')
    expect((await refused(TOWNSHIP_CADRE, { action: 'exportRanking', orgId: QINGSHUITAI, month: '2026-11' })).code).toBe('FORBIDDEN')
    const bad = await refused(COUNTY_CADRE, { action: 'ranking', orgId: COUNTY, month: '2026-13' })
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('月份') })
  })

  test('three villages of one township report the same kind of problem: one alert, to its cadres, listed with the cases', async () => {
    const titles = ['工资被拖欠三个月', '打工工钱一直不给', '工地欠薪找不到人']
    await submit(WU, { villageId: VILLAGE, category: 'labor_social', title: titles[0] })
    await later(30)
    await submit(ZHENG, { villageId: DAOYI_VILLAGE, category: 'labor_social', title: titles[1] })
    expect(await alerts(TOWNSHIP_CADRE)).toEqual([])
    expect((await hotspots(TOWNSHIP_CADRE, TOWNSHIP)).items).toEqual([])
    await later(30)
    await submit(ZHOU, { villageId: ZHENGLIANG, category: 'labor_social', title: titles[2] })

    const [alert, ...more] = await alerts(TOWNSHIP_CADRE)
    expect(more).toEqual([])
    expect(alert).toMatchObject({
      title: '矛盾苗头预警',
      subject: '矛盾苗头预警：道义街道',
      body: expect.stringContaining('道义街道近 14 天有 3 个村（社区）反映「劳动和社会保障权益」问题，共 3 件'),
      page: `/federation/pages/dashboard/index?orgId=${TOWNSHIP}`,
    })

    const listed = await hotspots(TOWNSHIP_CADRE, TOWNSHIP)
    expect(listed.windowDays).toBe(14)
    expect(listed.items).toHaveLength(1)
    expect(listed.items[0]).toMatchObject({
      rule: 'spread',
      category: 'labor_social',
      orgId: TOWNSHIP,
      orgName: '道义街道',
      level: 'township',
      villages: 3,
      cases: 3,
      since: '2026-12-01',
      children: [
        { id: ZHENGLIANG, name: '正良社区' },
        { id: VILLAGE, name: '蒲河村' },
        { id: DAOYI_VILLAGE, name: '道义村' },
      ],
    })
    expect(listed.items[0]!.casesBehind.map((c) => c.title)).toEqual([...titles].reverse())

    // A fourth report: the same alert, fresher figures, no second message.
    await submit(RESIDENT, { villageId: DAOYI_VILLAGE, category: 'labor_social', title: '厂里不给交社保' })
    expect(await alerts(TOWNSHIP_CADRE)).toHaveLength(1)
    const again = (await hotspots(TOWNSHIP_CADRE, TOWNSHIP)).items
    expect(again.map((i) => [i.id, i.cases, i.villages])).toEqual([[listed.items[0]!.id, 4, 3]])
    expect(again[0]!.casesBehind[0]!.title).toBe('厂里不给交社保')

    // Those above see it in their subtree; its villages' councils are not told (it is the township's).
    expect((await hotspots(COUNTY_CADRE, COUNTY)).items.map((i) => i.orgName)).toEqual(['道义街道'])
    expect((await hotspots(CONVENER, VILLAGE)).items).toEqual([])
    expect(await alerts(COUNTY_CADRE)).toEqual([])
    expect((await refused(MEMBER, { action: 'hotspots', orgId: TOWNSHIP })).code).toBe('FORBIDDEN')

    // Fourteen days after it was raised it is no longer live.
    await later(14 * 24)
    expect((await hotspots(TOWNSHIP_CADRE, TOWNSHIP)).items).toEqual([])
  })
})

describe.each(HOST_KINDS)('the demo on the %s host', (kind) => {
  const host = useHost(kind, { demoCases: true })
  const call = <T>(fn: string, openid: string, body: Record<string, unknown>) => dataOf<T>(host(), fn, openid, body)

  test('holds one live hotspot at 道义街道, told to its cadre, and a scored village on its scorecard', async () => {
    const { items } = await call<StatsHotspots>('stats', TOWNSHIP_CADRE, { action: 'hotspots', orgId: TOWNSHIP })
    expect(items.map((i) => [i.rule, i.orgName, i.category, i.villages, i.cases, i.casesBehind.length])).toEqual([['spread', '道义街道', 'labor_social', 3, 3, 3]])
    const inbox = (await call<{ items: MessageItem[] }>('notify', TOWNSHIP_CADRE, { action: 'inbox' })).items
    expect(inbox.filter((m) => m.kind === 'hotspot_alert')).toHaveLength(1)
    const scorecard = await call<StatsRanking>('stats', TOWNSHIP_CADRE, { action: 'ranking', orgId: TOWNSHIP, month: '2026-11' })
    expect(scorecard.items.map((i) => [i.name, i.rank, i.score, i.cases])).toEqual([
      ['蒲河村', 1, 100, 1],
      ['正良社区', 2, null, 1],
      ['道义村', 2, null, 1],
    ])
  })
})
