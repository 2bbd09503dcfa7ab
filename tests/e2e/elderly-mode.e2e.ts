/**
 * 适老化: at twice the normal text size (the top of WeChat's font settings), every page still fits the
 * phone's width — nothing runs off the right edge —, no text block is squeezed to a few characters a
 * line, every tap target is at least 44 px, and its main action is still on screen. A screenshot of
 * each page at that size is kept.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { startTestHost, type TestHost } from '../support/local-host'
import { aReport, CONVENER, PROVINCE_CADRE, RESIDENT, TOWNSHIP_CADRE } from '../support/demo'
import { launchPhone, openAs, screenshot } from './support/browser'
import { layoutProblems } from './support/layout-problems'

jest.setTimeout(120_000)

const LARGEST = 2

let host: TestHost
let browser: BrowserContext
let caseId: string
beforeAll(async () => {
  host = await startTestHost()
  browser = await launchPhone()
  const sent = await host.post<{ ok: boolean; data: { caseId: string } }>('/api/intake', aReport({ title: '村里的健身器材坏了需要维修' }), RESIDENT)
  caseId = sent.body.data.caseId
})
afterAll(async () => {
  await browser?.close()
  await host?.destroy()
})

/** Taro's H5 sizes everything from the root font size: scale it as WeChat's largest setting would. */
async function atLargestFont(page: Page) {
  const size = await page.evaluate((scale) => {
    const root = document.documentElement
    root.style.fontSize = `${parseFloat(getComputedStyle(root).fontSize) * scale}px`
    return root.style.fontSize
  }, LARGEST)
  // Until the page has laid out and painted a frame at the new size.
  await page.waitForFunction((px) => getComputedStyle(document.documentElement).fontSize === px, size)
  await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))))
}

async function expectFitsWidth(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(1)
  expect(await layoutProblems(page)).toEqual({ squeezed: [], small: [] })
}

test.each([
  ['home', RESIDENT, '/pages/home/index', '我要反映'],
  ['report', RESIDENT, '/pages/report/index', '反映问题'],
  ['my-cases', RESIDENT, '/pages/my-cases/index', '村里的健身器材坏了需要维修'],
  ['messages', RESIDENT, '/pages/messages/index', '反映已提交'],
  ['desk', CONVENER, '/federation/pages/inbox/index', '待受理'],
  ['dashboard', PROVINCE_CADRE, '/federation/pages/dashboard/index', '反映总数'],
  ['invite', CONVENER, '/federation/pages/invite/index', '生成邀请码'],
  ['audit', TOWNSHIP_CADRE, '/federation/pages/audit/index', '全部'],
  ['join', RESIDENT, '/pages/join/index', '输入邀请码'],
  ['privacy', RESIDENT, '/pages/privacy/index', '我们收集什么'],
  ['council', CONVENER, '/council/pages/inbox/index', '发起议事'],
  ['cadre home', TOWNSHIP_CADRE, '/pages/home/index', '工作台'],
])('the %s page holds at the largest font', async (name, persona, route, landmark) => {
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

test('the measure finds a squeezed column and a small target when a page has them', async () => {
  const page = await openAs(browser, host.url, RESIDENT, '/pages/home/index')
  await page.getByText('我要反映').first().waitFor()
  await atLargestFont(page)
  // The home entries as they were before they reflowed: two a row whatever the text size.
  await page.locator('.phone-number', { hasText: '12338' }).waitFor()
  await page.addStyleTag({ content: '.entry { flex: 0 0 45% !important; } .phone-number { display: inline-block; width: 30px; height: 30px; overflow: hidden; }' })
  await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))))
  const found = await layoutProblems(page)
  expect(found.squeezed).toEqual(expect.arrayContaining([expect.stringContaining('我要反映')]))
  expect(found.small).toEqual(expect.arrayContaining([expect.stringContaining('12338')]))
})
