/**
 * 适老化, on every page:
 * - at twice the normal text size (the top of WeChat's font settings) every page still fits the phone's
 *   width, no text block is squeezed to a few characters a line, every tap target is at least 44 px,
 *   and its main action is still on screen;
 * - in 长辈模式 (src/shared/text-size.ts) every page is drawn 1.4× larger and meets MIIT's floors: text
 *   ≥ 18 px, tap targets ≥ 60 px, contrast ≥ 4.5:1 (3:1 for large text), nothing squeezed;
 * - the 长辈模式 switch on 首页 turns it on and off, and the phone keeps her choice.
 * A screenshot of each page at each size is kept.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { startTestHost, type TestHost } from '../support/local-host'
import { aReport, CONVENER, PROVINCE_CADRE, RESIDENT, TOWNSHIP_CADRE, VILLAGE } from '../support/demo'
import { atTextScale, launchPhone, openAs, screenshot } from './support/browser'
import { layoutProblems } from './support/layout-problems'

jest.setTimeout(120_000)

const LARGEST = 2
const NONE = { squeezed: [], small: [], tinyText: [], tightLines: [], lowContrast: [] }

let host: TestHost
let browser: BrowserContext
let caseId: string
let deliberationId: string
/** A case the convener holds with a 帮扶方案 (a volunteer's task, her number shown to the holder). */
let planCaseId: string
beforeAll(async () => {
  host = await startTestHost()
  browser = await launchPhone()
  const sent = await host.post<{ ok: boolean; data: { caseId: string } }>('/api/intake', aReport({ title: '村里的健身器材坏了需要维修' }), RESIDENT)
  caseId = sent.body.data.caseId
  const now = Date.parse((await host.get<{ now: string }>('/__dev/clock')).now)
  const opened = await host.post<{ ok: boolean; data: { deliberationId: string } }>(
    '/api/deliberation',
    { action: 'open', orgId: VILLAGE, title: '村里广场晚上的照明怎么安排', background: '广场晚上跳舞的人多，灯少。', options: ['增加两盏路灯', '安排志愿者巡逻'], closesAt: new Date(now + 48 * 3_600_000).toISOString() },
    CONVENER,
  )
  deliberationId = opened.body.data.deliberationId
  const planned = await host.post<{ ok: boolean; data: { caseId: string } }>('/api/intake', aReport({ title: '独居老人想办低保不会登记' }), 'demo-resident-sun')
  planCaseId = planned.body.data.caseId
  await host.post('/api/escalation', { action: 'accept', caseId: planCaseId }, CONVENER)
  await host.post(
    '/api/escalation',
    { action: 'planTask', caseId: planCaseId, title: '协助登记低保材料', assignee: { kind: 'volunteer', name: '孟凡英', phone: '13912345678' }, dueAt: new Date(now + 72 * 3_600_000).toISOString() },
    CONVENER,
  )
  // Three villages of 道义街道 report the same kind of problem: its 数据看板 carries a 矛盾苗头预警.
  for (const [openid, villageId] of [['demo-resident-sun', VILLAGE], ['demo-resident-zhou', '210113001202'], ['demo-resident-wu', '210113001003']]) {
    await host.post('/api/intake', aReport({ villageId, category: 'labor_social', title: '服装厂拖欠工资三个月没发' }), openid)
  }
})
afterAll(async () => {
  await browser?.close()
  await host?.destroy()
})

/** The top of WeChat's font settings, as it reaches the page. */
const atLargestFont = (page: Page) => atTextScale(page, LARGEST)

async function expectFitsWidth(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(1)
  expect(await layoutProblems(page)).toEqual(NONE)
}

const PAGES: [string, string, string, string][] = [
  ['home', RESIDENT, '/pages/home/index', '我要反映'],
  ['report', RESIDENT, '/pages/report/index', '反映问题'],
  ['my-cases', RESIDENT, '/pages/my-cases/index', '村里的健身器材坏了需要维修'],
  ['messages', RESIDENT, '/pages/messages/index', '反映已提交'],
  ['desk', CONVENER, '/federation/pages/inbox/index', '待受理'],
  ['dashboard', PROVINCE_CADRE, '/federation/pages/dashboard/index', '反映总数'],
  ['dashboard with a warning', TOWNSHIP_CADRE, '/federation/pages/dashboard/index', '矛盾苗头预警（1 条）'],
  ['ranking', TOWNSHIP_CADRE, '/federation/pages/ranking/index', '综合得分'],
  ['figure cases', TOWNSHIP_CADRE, '/federation/pages/cases/index?orgId=210113001&status=pending&offerFrom=2026-06&offerTo=2026-11', '道义街道 · 待受理的反映'],
  ['invite', CONVENER, '/federation/pages/invite/index', '生成邀请码'],
  ['audit', TOWNSHIP_CADRE, '/federation/pages/audit/index', '全部'],
  ['knowledge', PROVINCE_CADRE, '/federation/pages/knowledge/index', '新增标准答复'],
  ['join', RESIDENT, '/pages/join/index', '输入邀请码'],
  ['announcements', RESIDENT, '/pages/announcements/index', '农村妇女“两癌”免费检查开始预约'],
  ['announcements for a convener', CONVENER, '/pages/announcements/index', '发布公告'],
  ['surveys', RESIDENT, '/survey/pages/list/index', '道义街道妇女服务需求调研'],
  ['survey answer', RESIDENT, '/survey/pages/detail/index?id=survey_demo_needs', '您方便参加活动的时间是？'],
  ['survey results', TOWNSHIP_CADRE, '/survey/pages/detail/index?id=survey_demo_needs', '各下级填写情况'],
  ['privacy', RESIDENT, '/pages/privacy/index', '我们收集什么'],
  ['council', CONVENER, '/council/pages/inbox/index', '发起议事'],
  ['cadre home', TOWNSHIP_CADRE, '/pages/home/index', '工作台'],
  ['convener home', CONVENER, '/pages/home/index', '我的联系电话'],
]

test.each(PAGES)('the %s page holds at the largest font', async (name, persona, route, landmark) => {
  const page = await openAs(browser, host.url, persona, route)
  await page.getByText(landmark).first().waitFor()
  await atLargestFont(page)
  await expectFitsWidth(page)
  expect(await page.getByText(landmark).first().isVisible()).toBe(true)
  await screenshot(page, `elderly-${name}`)
})

test('the case page holds at the largest font', async () => {
  const page = await openAs(browser, host.url, RESIDENT, `/pages/case/index?id=${caseId}`)
  await page.getByText('反映内容').waitFor()
  await atLargestFont(page)
  await expectFitsWidth(page)
  await screenshot(page, 'elderly-case')
})

test('the case page with its 帮扶方案 holds at the largest font, for the holder', async () => {
  const page = await openAs(browser, host.url, CONVENER, `/pages/case/index?id=${planCaseId}`)
  await page.getByText('协助登记低保材料').first().waitFor()
  await atLargestFont(page)
  await expectFitsWidth(page)
  await page.locator('#help-plan').scrollIntoViewIfNeeded()
  await screenshot(page, 'elderly-case-help-plan')
})

test('the measure finds what it looks for when a page has it', async () => {
  const page = await openAs(browser, host.url, RESIDENT, '/pages/home/index')
  await page.getByText('我要反映').first().waitFor()
  await atLargestFont(page)
  // The home entries as they were before they reflowed: two a row whatever the text size.
  await page.locator('.phone-number', { hasText: '12338' }).waitFor()
  // And a faint motto, hints set solid, and the hotline's line in small print.
  await page.addStyleTag({
    content: [
      '.entry { flex: 0 0 45% !important; } .phone-number { display: inline-block; width: 30px; height: 30px; overflow: hidden; }',
      '.motto { color: #e48aac !important; } .entry-hint { line-height: 1 !important; } .resource-line { font-size: 10px !important; }',
    ].join(' '),
  })
  await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))))
  const found = await layoutProblems(page, { minText: 18 })
  expect(found.squeezed).toEqual(expect.arrayContaining([expect.stringContaining('我要反映')]))
  expect(found.small).toEqual(expect.arrayContaining([expect.stringContaining('12338')]))
  expect(found.lowContrast).toEqual(expect.arrayContaining([expect.stringContaining('妇女群众有所呼')]))
  expect(found.tightLines).toEqual(expect.arrayContaining([expect.stringContaining('问题、诉求或建议')]))
  expect(found.tinyText).toEqual(expect.arrayContaining([expect.stringContaining('妇女维权公益服务热线')]))
})

describe('长辈模式', () => {
  /** Her choice as the app keeps it on the phone (Taro's H5 storage: {"data": …} under the key). */
  const ELDER_ON = `localStorage.setItem('elder-mode', JSON.stringify({ data: 'on' }))`
  let elderPhone: BrowserContext
  beforeAll(async () => {
    elderPhone = await launchPhone()
  })
  afterAll(async () => {
    await elderPhone?.close()
  })

  /** The root font size over the standard one for this screen (1 rem = 40 px of the 750 design). */
  const scaleOf = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize) / Math.min(40, Math.max(20, (40 * window.innerWidth) / 750)))

  const ELDER_PAGES: [string, string, string, string][] = [
    ...PAGES,
    ['case', RESIDENT, '/pages/case/index?id=CASE', '反映内容'],
    ['case with 帮扶方案', CONVENER, '/pages/case/index?id=PLANCASE', '协助登记低保材料'],
    ['council create', CONVENER, '/council/pages/create/index', '表决规则'],
    ['surveys for a cadre', TOWNSHIP_CADRE, '/survey/pages/list/index', '发起调研'],
    ['deliberation', CONVENER, '/council/pages/deliberation/index?id=DELIBERATION', '议题背景'],
  ]

  test.each(ELDER_PAGES)('the %s page meets the 适老化 floors', async (name, persona, route, landmark) => {
    const page = await openAs(elderPhone, host.url, persona, route.replace('PLANCASE', planCaseId).replace('CASE', caseId).replace('DELIBERATION', deliberationId), ELDER_ON)
    await page.getByText(landmark).first().waitFor()
    await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))))
    expect(await scaleOf(page)).toBeCloseTo(1.4, 2)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(1)
    expect([name, await layoutProblems(page, { minTarget: 60, minText: 18 })]).toEqual([name, NONE])
    await screenshot(page, `elder-${name}`)
    await page.close()
  })

  test('the switch on 首页 turns it on and off, and the phone keeps her choice', async () => {
    const phone = await launchPhone()
    try {
      const page = await openAs(phone, host.url, RESIDENT, '/pages/home/index')
      await page.getByText('打开后，字和按钮都会放大').waitFor()
      expect(await scaleOf(page)).toBeCloseTo(1, 2)
      await page.locator('.elder-switch .nut-switch').click()
      await page.getByText('字和按钮已放大').waitFor()
      expect(await scaleOf(page)).toBeCloseTo(1.4, 2)
      await screenshot(page, 'elder-switched-on')

      // Still on when she opens the app again, and on 我的反映 too, where she can turn it off.
      await page.reload()
      await page.getByText('字和按钮已放大').waitFor()
      expect(await scaleOf(page)).toBeCloseTo(1.4, 2)
      await page.locator('.weui-tabbar__item', { hasText: '我的反映' }).click()
      await page.getByText('村里的健身器材坏了需要维修').filter({ visible: true }).waitFor()
      // Taro keeps 首页 in the page, hidden, under 我的反映: the switch on screen.
      await page.locator('.elder-switch .nut-switch').filter({ visible: true }).click()
      await page.getByText('打开后，字和按钮都会放大').filter({ visible: true }).waitFor()
      expect(await scaleOf(page)).toBeCloseTo(1, 2)
    } finally {
      await phone.close()
    }
  })
})
