/**
 * Platform 3 end to end: a case the village did not accept in time reaches the township; its cadre
 * finds it in her queue, accepts it, brings in a partner department and resolves it.
 */
import type { BrowserContext } from 'playwright-core'
import { startTestHost, type TestHost } from '../support/local-host'
import { aReport, RESIDENT, TOWNSHIP_CADRE } from '../support/demo'
import { button, field, launchPhone, openAs, screenshot } from './support/browser'

jest.setTimeout(90_000)

let host: TestHost
let browser: BrowserContext
beforeAll(async () => {
  host = await startTestHost()
  browser = await launchPhone()
})
afterAll(async () => {
  await browser?.close()
  await host?.destroy()
})

test('a township cadre works an escalated case from her queue to resolution', async () => {
  await host.post('/api/intake', aReport({ title: '低保申请没人管', category: 'labor_social' }), RESIDENT)
  await host.post('/__dev/clock', { advanceHours: 25 })
  await host.post('/__dev/tick', {})

  const page = await openAs(browser, host.url, TOWNSHIP_CADRE)
  await page.getByText('工作台').click()
  await page.getByText('低保申请没人管').waitFor()
  await screenshot(page, 'desk-1-queue')

  await page.getByText('低保申请没人管').click()
  await page.getByText(/蒲河村（村\/社区）未在期限内受理，自动转至道义街道（乡镇\/街道）/).waitFor()
  await button(page, '受理').click()
  await page.getByText('道义街道（乡镇/街道）已受理').waitFor()

  await button(page, '协调部门').click()
  await field(page, '部门名称').fill('街道民政办')
  await field(page, '协调说明').fill('请核实低保申请材料，一周内答复。')
  await button(page, '确定').click()
  await page.getByText('道义街道（乡镇/街道）已协调街道民政办：请核实低保申请材料，一周内答复。').waitFor()
  await screenshot(page, 'desk-2-assigned')

  await button(page, '办结').click()
  await page.getByText('部分解决').click()
  await field(page, '办理情况').fill('民政办已受理低保申请，材料补齐后审批。')
  await button(page, '确定').click()
  await page.getByText(/道义街道（乡镇\/街道）已办结：部分解决/).waitFor()
  await screenshot(page, 'desk-3-resolved')

  const mine = await host.post<{ ok: boolean; data: { items: { status: string }[] } }>('/api/intake', { action: 'mine' }, RESIDENT)
  expect(mine.body.data.items[0]?.status).toBe('resolved')
})
