/**
 * Statistics end to end on SQLite, through the real handlers: cases move through submission,
 * acceptance, the deadline sweep, resolution, ratings and reopening; the overview of every level
 * then shows exactly those figures, to those allowed to read them; the CSV keeps privacy.
 */
import { intakeFunction } from '../../cloudfunctions/intake/intake.function'
import { escalationFunction } from '../../cloudfunctions/escalation/escalation.function'
import { statsFunction } from '../../cloudfunctions/stats/stats.function'
import { deliberationFunction } from '../../cloudfunctions/deliberation/deliberation.function'
import { sweepDeadlines } from '../../cloudfunctions/escalation/sweep.job'
import { handle } from '../../cloudfunctions/_shared/handler/handle'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { CSV_HEADERS, exportCases } from '../../cloudfunctions/stats/cases-export.query'
import { loadPerson } from '../../cloudfunctions/_shared/handler/handle'
import type { StatsExport, StatsOverview } from '../../types/stats.contract'
import { caseNumber } from '../../types/case.contract'
import {
  ADMIN,
  CITY,
  CONVENER,
  COUNTY,
  COUNTY_CADRE,
  MEMBER,
  PROVINCE,
  PROVINCE_CADRE,
  RESIDENT,
  TOWNSHIP,
  TOWNSHIP_CADRE,
  VILLAGE,
  aReport,
} from '../support/demo'
import { callAs, demoDeps, type TestDeps } from '../support/test-deps'

const intake = intakeFunction as FunctionDef
const escalation = escalationFunction as FunctionDef
const stats = statsFunction as FunctionDef
const deliberation = deliberationFunction as FunctionDef

const OTHER_TOWNSHIP_VILLAGE = '210113102201' // 清水台村: same county, another township
const OTHER_CITY_VILLAGE = '210283103201' // 光明山村, 大连市

let deps: TestDeps
afterEach(() => deps.store.close())

const overview = (openid: string, orgId: string) => callAs<StatsOverview>(deps, stats, openid, { action: 'overview', orgId })
const exportCsv = (openid: string, fields: Record<string, unknown>) =>
  callAs<StatsExport>(deps, stats, openid, { action: 'exportCsv', ...fields })
async function failure(openid: string, event: Record<string, unknown>) {
  const reply = await handle(stats, event, { kind: 'user', openid }, deps)
  if (reply.ok) throw new Error('expected a failure')
  return reply.error
}
const submit = async (openid: string, report: Record<string, unknown>) =>
  (await callAs<{ caseId: string }>(deps, intake, openid, aReport(report))).caseId
const act = (openid: string, caseId: string, action: string, fields: Record<string, unknown> = {}) =>
  callAs(deps, escalation, openid, { action, caseId, ...fields })
const sweep = () => sweepDeadlines({ deps, now: deps.clock.now(), requestId: 'job', deadline: Date.now() + 60_000 })

/**
 * A: governance at 蒲河村, resolved there in 2 hours, rated satisfied (closed).
 * B: marriage_family, anonymous, at 蒲河村: missed its accept deadline (sweep → 道义街道), resolved
 *    there, rated unsatisfied → reopened at 沈北新区 (pending).
 * C: another township of the county, withdrawn.  D: another city, escalated by the sweep (pending).
 */
async function story() {
  deps = await demoDeps()
  const a = await submit(RESIDENT, { title: '村口路灯坏了', phone: '13812345678' })
  const b = await submit(RESIDENT, {
    category: 'marriage_family',
    anonymous: true,
    title: '家里矛盾需要调解',
    content: '丈夫长期酗酒，家庭矛盾严重。',
  })
  const c = await submit('demo-resident-zhou', { villageId: OTHER_TOWNSHIP_VILLAGE, title: '=1+1 垃圾清运不及时', content: '村东头垃圾点一周才清运一次，希望增加清运次数。' })
  const d = await submit('demo-resident-wu', { villageId: OTHER_CITY_VILLAGE, title: '道路积水' })

  deps.clock.advanceHours(1)
  await act(CONVENER, a, 'accept')
  deps.clock.advanceHours(1)
  await act(CONVENER, a, 'resolve', { outcome: 'solved', resolution: '已联系供电所更换路灯' })
  await callAs(deps, intake, RESIDENT, { action: 'rate', caseId: a, solved: 'yes', satisfaction: 'satisfied' })
  await callAs(deps, intake, 'demo-resident-zhou', { action: 'withdraw', caseId: c })

  deps.clock.advanceHours(23)
  expect(await sweep()).toMatchObject({ escalated: 2 }) // B and D missed their accept deadline
  await act(TOWNSHIP_CADRE, b, 'accept')
  deps.clock.advanceHours(3)
  await act(TOWNSHIP_CADRE, b, 'resolve', { outcome: 'partly_solved', resolution: '已约双方到街道调解' })
  await callAs(deps, intake, RESIDENT, { action: 'rate', caseId: b, solved: 'partly', satisfaction: 'basic', reopen: true })
  return { a, b, c, d }
}

describe('stats.overview', () => {
  test('counts 议事次数 where the council is and at every level above it, once per deliberation opened', async () => {
    deps = await demoDeps()
    const closesAt = new Date(Date.parse(deps.clock.now()) + 72 * 3_600_000).toISOString()
    for (const title of ['村口路灯由谁出资维修', '广场舞场地怎么安排']) {
      await callAs(deps, deliberation, CONVENER, { action: 'open', orgId: VILLAGE, title, background: '请大家商量。', options: ['同意', '不同意'], closesAt })
    }
    expect((await overview(CONVENER, VILLAGE)).deliberations).toBe(2)
    expect((await overview(PROVINCE_CADRE, PROVINCE)).deliberations).toBe(2)
    expect((await overview(COUNTY_CADRE, COUNTY)).deliberations).toBe(2)
  })

  test('shows each level the figures of its whole subtree', async () => {
    await story()

    const village = await overview(CONVENER, VILLAGE)
    expect(village).toMatchObject({
      org: { id: VILLAGE, name: '蒲河村', level: 'village' },
      cases: {
        total: 2,
        byStatus: { pending: 1, in_progress: 0, resolved: 0, closed: 1, withdrawn: 0 },
        byCategory: { governance: 1, marriage_family: 1, personal: 0 },
        // B's township resolution was undone by the reopening: only A's counts.
        resolvedAtLevel: { village: 1, township: 0, county: 0, city: 0, province: 0 },
      },
      onTimeRate: 1,
      // A: 解决了, 满意; B: 部分解决, 基本满意 (satisfied, as 12345 counts it) and sent on.
      satisfactionRate: 1,
      solveRate: 0.5,
      avgHoursToResolve: 2,
      escalationRate: { village: 0.5, township: 0, county: 0, city: null, province: null },
      deliberations: 0,
      councils: 1,
      members: 6,
      children: [],
    })
    expect((await overview(TOWNSHIP_CADRE, TOWNSHIP)).cases).toEqual(village.cases)

    const county = await overview(COUNTY_CADRE, COUNTY)
    expect(county).toMatchObject({
      cases: { total: 3, byStatus: { pending: 1, closed: 1, withdrawn: 1 }, byCategory: { governance: 2 } },
      // 道义街道's three and 清水台镇's three, 八里营村 among them (the demo's dark road, demo-story-people.ts).
      councils: 6,
      members: 10,
    })
    expect(county.children.map((c) => [c.id, c.total, c.resolved, c.onTimeRate])).toEqual([
      [TOWNSHIP, 2, 1, 1],
      ['210113102', 1, 0, null],
    ])

    const province = await overview(PROVINCE_CADRE, PROVINCE)
    expect(province).toMatchObject({
      org: { id: PROVINCE, name: '辽宁省', level: 'province' },
      cases: { total: 4, byStatus: { pending: 2, closed: 1, withdrawn: 1 }, resolvedAtLevel: { village: 1 } },
      onTimeRate: 1,
      satisfactionRate: 1,
      solveRate: 0.5,
      escalationRate: { village: 0.5, township: 0, county: 0, city: null, province: null },
      councils: 13,
      members: 17,
    })
    expect(province.children).toEqual([
      { id: CITY, name: '沈阳市', level: 'city', total: 3, resolved: 1, onTimeRate: 1 },
      { id: '210200', name: '大连市', level: 'city', total: 1, resolved: 0, onTimeRate: null },
      { id: '211300', name: '朝阳市', level: 'city', total: 0, resolved: 0, onTimeRate: null },
    ])
    expect(province.asOf).toBe(deps.clock.now())
  })

  test('counts a repeated submission once', async () => {
    deps = await demoDeps()
    const report = aReport()
    await callAs(deps, intake, RESIDENT, report)
    await callAs(deps, intake, RESIDENT, report)
    expect((await overview(ADMIN, PROVINCE)).cases.total).toBe(1)
  })

  test('lets cadres read their subtree, the admin everything, a convener her village, nobody else', async () => {
    deps = await demoDeps()
    await expect(overview(TOWNSHIP_CADRE, VILLAGE)).resolves.toMatchObject({ org: { id: VILLAGE } })
    await expect(overview(ADMIN, OTHER_CITY_VILLAGE)).resolves.toMatchObject({ org: { id: OTHER_CITY_VILLAGE } })
    await expect(overview(CONVENER, VILLAGE)).resolves.toMatchObject({ councils: 1 })

    expect(await failure(TOWNSHIP_CADRE, { action: 'overview', orgId: COUNTY })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await failure(TOWNSHIP_CADRE, { action: 'overview', orgId: OTHER_TOWNSHIP_VILLAGE })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await failure(CONVENER, { action: 'overview', orgId: TOWNSHIP })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await failure(MEMBER, { action: 'overview', orgId: VILLAGE })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await failure(RESIDENT, { action: 'exportCsv', orgId: VILLAGE })).toMatchObject({ code: 'FORBIDDEN' })
    // Refused before the org is looked up: a resident learns nothing about which ids exist.
    expect(await failure(RESIDENT, { action: 'overview', orgId: 'no-such-org' })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await failure(COUNTY_CADRE, { action: 'overview', orgId: 'no-such-org' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await failure(COUNTY_CADRE, { action: 'overview' })).toMatchObject({ code: 'INVALID_INPUT' })
  })
})

describe('stats.exportCsv', () => {
  const rowsOf = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)

  test('is UTF-8 with a BOM and Chinese headers, one row per case of the subtree, oldest first', async () => {
    const { a, b } = await story()
    const result = await exportCsv(TOWNSHIP_CADRE, { orgId: TOWNSHIP })
    expect(result.csv.startsWith('\uFEFF编号,提交时间,反映类型,问题类别,标题,内容,状态')).toBe(true)
    expect(result).toMatchObject({ rows: 2, truncated: false, maxRows: 50_000 })
    expect(result.filename).toBe('议事会反映_道义街道_20261201.csv')
    const lines = rowsOf(result.csv)
    expect(lines[0]).toBe(CSV_HEADERS.join(','))
    // 编号 is the number the case goes by on screen.
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([caseNumber(a), caseNumber(b)])
    expect(lines[1]).toContain('村口路灯坏了')
    expect(lines[1]).toContain('2026-11-30 09:00') // China time
    expect(lines[1]).toContain('已关闭')
  })

  test('never names a reporter nor exports a phone, and redacts sensitive cases for all but their holder', async () => {
    const { b } = await story()
    const township = (await exportCsv(TOWNSHIP_CADRE, { orgId: TOWNSHIP })).csv
    const province = (await exportCsv(ADMIN, { orgId: PROVINCE })).csv
    for (const csv of [township, province]) {
      expect(csv).not.toContain(RESIDENT)
      expect(csv).not.toContain('13812345678')
      expect(csv).not.toContain('5678')
      // B is held by the county now: the township and the admin see it redacted.
      expect(csv).not.toContain('丈夫长期酗酒')
      expect(csv).not.toContain('家里矛盾需要调解')
      expect(csv).toContain('涉及个人隐私的反映')
    }
    const rowB = rowsOf(township).find((line) => line.startsWith(caseNumber(b)))!
    expect(rowB).toContain('匿名')
    expect(rowsOf(township).find((line) => !line.startsWith(caseNumber(b)) && line.includes('村口路灯'))).toContain('实名')

    // The county, holding B now, exports it in full.
    const county = (await exportCsv(COUNTY_CADRE, { orgId: COUNTY })).csv
    expect(county).toContain('丈夫长期酗酒')
    expect(county).not.toContain(RESIDENT)
  })

  test('keeps a title from becoming an Excel formula', async () => {
    await story()
    const csv = (await exportCsv(COUNTY_CADRE, { orgId: COUNTY })).csv
    expect(csv).toContain(",'=1+1 垃圾清运不及时,")
  })

  test('filters by submission day in China time, both days inclusive', async () => {
    await story()
    expect((await exportCsv(ADMIN, { orgId: PROVINCE, from: '2026-11-30', to: '2026-11-30' })).rows).toBe(4)
    expect((await exportCsv(ADMIN, { orgId: PROVINCE, from: '2026-12-01' })).rows).toBe(0)
    expect((await exportCsv(ADMIN, { orgId: PROVINCE, to: '2026-11-29' })).rows).toBe(0)
    expect(await failure(ADMIN, { action: 'exportCsv', orgId: PROVINCE, from: '2026-12-02', to: '2026-12-01' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '开始日期不能晚于结束日期',
    })
    expect(await failure(ADMIN, { action: 'exportCsv', orgId: PROVINCE, from: '2026/12/01' })).toMatchObject({ code: 'INVALID_INPUT' })
  })

  test('stops at its row and byte limits and says it did, without a false alarm at exactly the limit', async () => {
    await story()
    const province = (await deps.store.orgs.get(PROVINCE))!
    const person = await loadPerson(deps.store, ADMIN)
    const run = (rows: number, bytes = 1e9) => exportCases(deps.store, { person, org: province, now: deps.clock.now(), limits: { rows, bytes } })
    expect(await run(4)).toMatchObject({ rows: 4, truncated: false, maxRows: 4 })
    expect(await run(3)).toMatchObject({ rows: 3, truncated: true, maxRows: 3 })
    expect(await run(1)).toMatchObject({ rows: 1, truncated: true })
    const oneRow = Buffer.byteLength((await run(1)).csv)
    expect(await run(4, oneRow + 10)).toMatchObject({ rows: 1, truncated: true })
  })

  test('lets a convener export her village and nothing above it', async () => {
    await story()
    expect((await exportCsv(CONVENER, { orgId: VILLAGE })).rows).toBe(2)
    expect(await failure(CONVENER, { action: 'exportCsv', orgId: TOWNSHIP })).toMatchObject({ code: 'FORBIDDEN' })
  })
})
