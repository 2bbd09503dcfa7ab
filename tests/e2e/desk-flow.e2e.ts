/**
 * Platform 3 end to end: a case the village did not accept in time reaches the township; its cadre
 * finds it in her queue, accepts it, brings in a partner department and resolves it.
 */
import { aReport, PROVINCE_CADRE, RESIDENT, TOWNSHIP_CADRE } from '../support/demo'
import { button, field, openAs, screenshot } from './support/browser'
import { useHostAndPhone } from './support/session'

jest.setTimeout(90_000)

const session = useHostAndPhone()

/** The figure under a dashboard tile, as the page shows it. */
async function tile(page: import('playwright-core').Page, label: string) {
  // Taro keeps earlier pages of the stack in the DOM, hidden: only the visible one counts.
  return (await page.locator('.tile:visible').filter({ hasText: label }).locator('.tile-value').innerText()).trim()
}

test('a township cadre works an escalated case from her queue to resolution', async () => {
  const before = await openAs(session.browser, session.host.url, PROVINCE_CADRE, '/federation/pages/dashboard/index')
  await before.getByText('辽宁省（省）').waitFor()
  expect(await tile(before, '反映总数')).toBe('0')

  await session.host.post('/api/intake', aReport({ title: '低保申请没人管', category: 'labor_social', phone: '13812345678' }), RESIDENT)
  await session.host.post('/__dev/clock', { advanceHours: 25 })
  await session.host.post('/__dev/tick', {})

  const page = await openAs(session.browser, session.host.url, TOWNSHIP_CADRE)
  // Her desk's door says what waits behind it.
  await page.getByText('1 件待受理').waitFor()
  await page.getByText('工作台').click()
  await page.getByText('低保申请没人管').waitFor()
  await screenshot(page, 'desk-1-queue')

  await page.getByText('低保申请没人管').click()
  await page.getByText(/蒲河村（村\/社区）未在期限内受理，自动转至道义街道（乡镇\/街道）/).waitFor()
  await button(page, '受理').click()
  await page.getByText('道义街道（乡镇/街道）已受理').waitFor()

  // She can be reached, as the form promised: the page shows the masked number, one tap the full one
  // with her name, and the next dials it (not tapped here: the browser has no phone to ring).
  await page.getByText('联系电话：138****5678').waitFor()
  await button(page, '查看完整号码').click()
  await page.getByText('赵小红：13812345678').waitFor()
  await button(page, '拨打 13812345678').waitFor()
  await screenshot(page, 'desk-1b-call-reporter')
  // Each reveal is in 操作记录, among the records about cases.
  const audit = await openAs(session.browser, session.host.url, TOWNSHIP_CADRE, '/federation/pages/audit/index')
  await audit.locator('.choice:visible').filter({ hasText: /^反映$/ }).click()
  await audit.getByText('查看反映人联系电话').first().waitFor()
  await screenshot(audit, 'desk-1c-audit-cases')

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

  // The province's dashboard has counted it, and drills down to the city where it happened.
  const dashboard = await openAs(session.browser, session.host.url, PROVINCE_CADRE, '/federation/pages/dashboard/index')
  await dashboard.getByText('辽宁省（省）').waitFor()
  expect(await tile(dashboard, '反映总数')).toBe('1')
  expect(await tile(dashboard, '大事不出乡镇')).toBe('100%')
  expect(await tile(dashboard, '小事不出村')).toBe('0%')
  await dashboard.getByText('在哪一级办结').waitFor()
  await screenshot(dashboard, 'desk-4-province-dashboard')
  await dashboard.getByText('沈阳市').click()
  await dashboard.getByText('沈阳市（市）').waitFor()
  expect(await tile(dashboard, '反映总数')).toBe('1')

  const mine = await session.host.post<{ ok: boolean; data: { items: { status: string }[] } }>('/api/intake', { action: 'mine' }, RESIDENT)
  expect(mine.body.data.items[0]?.status).toBe('resolved')
})
