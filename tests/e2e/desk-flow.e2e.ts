/**
 * Platform 3 end to end: a case the village did not accept in time reaches the township; its cadre
 * finds it in her queue, accepts it, brings in a partner department and resolves it. And the county,
 * supervising: 督办 says why a late case is listed; its cadre urges the township (催办), which sees it
 * on its desk and on the case, then takes the case over (提级办理), and the reporter reads it plainly.
 * And 延期 and 转办: the village asks for more days, the township approves from 督办, she reads the new
 * date; the village transfers a case filed at the wrong village, she reads where it went.
 */
import { aReport, COUNTY_CADRE, PROVINCE_CADRE, RESIDENT, TOWNSHIP_CADRE, VILLAGE_CADRE } from '../support/demo'
import { atTextScale, button, field, openAs, screenshot } from './support/browser'
import { layoutProblems } from './support/layout-problems'
import { useHostAndPhone } from './support/session'

jest.setTimeout(90_000)

const session = useHostAndPhone()

/** The figure under a dashboard tile, as the page shows it. */
async function tile(page: import('playwright-core').Page, label: string) {
  // Taro keeps earlier pages of the stack in the DOM, hidden: only the visible one counts.
  // The figure, without the › that says it opens the cases behind it.
  return (await page.locator('.tile:visible').filter({ hasText: label }).locator('.tile-value').innerText()).replace(/\s*›$/, '').trim()
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

/**
 * The county cadre's 督办 list and a case's row on it. The persona belongs to the browser, not the tab:
 * once another persona opened a page, hers is opened again.
 */
async function countySupervising(title: string) {
  const page = await openAs(session.browser, session.host.url, COUNTY_CADRE, '/federation/pages/inbox/index')
  await page.getByText('督办', { exact: true }).click()
  return { page, row: page.locator('.card:visible').filter({ hasText: title }) }
}

test('a county cadre urges a late case from 督办, then takes it over; the township sees the urge, she reads a plain line', async () => {
  const filed = await session.host.post<{ ok: boolean; data: { caseId: string } }>('/api/intake', aReport({ title: '楼道灯坏了没人修' }), RESIDENT)
  const { caseId } = filed.body.data
  await session.host.post('/__dev/clock', { advanceHours: 25 })
  await session.host.post('/__dev/tick', {})

  // 督办 says why it is listed, and who holds it now against which deadline.
  let { page: county, row } = await countySupervising('楼道灯坏了没人修')
  await row.getByText(/蒲河村（村\/社区）超过受理期限未受理，已自动转上级/).waitFor()
  await row.getByText('现由道义街道（乡镇/街道）办理，受理期限还剩 24 小时').waitFor()
  await screenshot(county, 'supervise-1-why-listed')

  // 催办 from the list (the tap stays on the list: it does not open the case).
  await row.locator('taro-button-core').filter({ hasText: /^催办$/ }).click()
  await field(county, '催办意见').fill('群众反映强烈，请尽快处理')
  await screenshot(county, 'supervise-2-urge-sheet')
  await button(county, '确定催办').click()
  await row.getByText(/已催办 1 次，最近一次由沈北新区（县\/区）催办道义街道（乡镇\/街道）/).waitFor()
  // Once a day from one org: 催办 is gone for now, 提级办理 stays.
  expect(await row.locator('taro-button-core').filter({ hasText: /^催办$/ }).count()).toBe(0)
  await screenshot(county, 'supervise-3-urged')

  // The township sees it on its desk and on the case.
  const township = await openAs(session.browser, session.host.url, TOWNSHIP_CADRE, '/federation/pages/inbox/index')
  await township.getByText(/已催办 1 次（最近：沈北新区/).waitFor()
  await township.getByText('楼道灯坏了没人修').click()
  await township.getByText('已催办 1 次', { exact: true }).waitFor()
  await township.getByText('沈北新区（县/区）催办道义街道（乡镇/街道）：群众反映强烈，请尽快处理').first().waitFor()
  await screenshot(township, 'supervise-4-township-case')

  // The county takes it over, with a reason, after saying yes.
  ;({ page: county, row } = await countySupervising('楼道灯坏了没人修'))
  await row.locator('taro-button-core').filter({ hasText: '提级办理' }).click()
  await field(county, '提级办理理由').fill('涉及物业和街道两方，区妇联直接协调')
  await button(county, '确定提级').click()
  await county.getByText(/这条反映将从道义街道（乡镇\/街道）转由本级直接办理/).waitFor()
  await screenshot(county, 'supervise-5-take-over-asked')
  await county.locator('.taro-model__confirm').click()
  await row.getByText(/沈北新区（县\/区）已提级办理（原由道义街道（乡镇\/街道）办理）/).waitFor()
  await row.getByText('现由沈北新区（县/区）办理，受理期限还剩 24 小时').waitFor()
  await screenshot(county, 'supervise-6-taken-over')
  // It is on her own desk now, to accept.
  await county.locator('.tab').filter({ hasText: '待受理' }).click()
  await county.locator('.card:visible').filter({ hasText: '楼道灯坏了没人修' }).click()
  await county.getByText(/沈北新区（县\/区）提级办理（原由道义街道（乡镇\/街道）办理）：涉及物业和街道两方/).waitFor()
  await button(county, '受理').waitFor()

  // She reads what happened in plain words, and nothing the cadres wrote each other.
  const hers = await openAs(session.browser, session.host.url, RESIDENT, `/pages/case/index?id=${caseId}`)
  await hers.getByText('沈北新区（县/区）已把您的反映提上来，直接办理').waitFor()
  await hers.getByText(/现在：等待沈北新区（县\/区）受理/).waitFor()
  expect(await hers.getByText(/群众反映强烈|涉及物业/).count()).toBe(0)
  await screenshot(hers, 'supervise-7-her-case')
})

test('the village asks for more time, the township approves from 督办; the village transfers a misrouted case; she reads both plainly', async () => {
  const filed = await session.host.post<{ ok: boolean; data: { caseId: string } }>('/api/intake', aReport({ title: '宅基地边界说不清' }), RESIDENT)
  const { caseId } = filed.body.data

  // The village cadre accepts it, then asks for five more days, with a reason.
  const village = await openAs(session.browser, session.host.url, VILLAGE_CADRE, `/pages/case/index?id=${caseId}`)
  await button(village, '受理').click()
  await village.getByText('蒲河村（村/社区）已受理').waitFor()
  await button(village, '申请延期').click()
  await village.getByText(/现在的办结期限是/).waitFor()
  await village.locator('.choice:visible').filter({ hasText: '延期 5 天' }).click()
  await field(village, '延期理由').fill('要等国土所来测绘')
  await screenshot(village, 'extension-1-ask')
  await button(village, '提交申请').click()
  await village.getByText(/蒲河村（村\/社区）申请延期 5 天（至 .+），等待上一级审批/).waitFor()
  await screenshot(village, 'extension-2-asked')

  // The township's 督办 says the case waits for its answer; she approves it from the row, with a note.
  const township = await openAs(session.browser, session.host.url, TOWNSHIP_CADRE, '/federation/pages/inbox/index')
  await township.getByText('督办', { exact: true }).click()
  const row = township.locator('.card:visible').filter({ hasText: '宅基地边界说不清' })
  await row.getByText(/蒲河村（村\/社区）申请延期 5 天（至 .+），等待上一级审批/).first().waitFor()
  await screenshot(township, 'extension-3-listed')
  await row.locator('taro-button-core').filter({ hasText: '同意延期' }).click()
  await township.getByText(/蒲河村的办结期限将延长到/).waitFor()
  await field(township, '审批意见').fill('请务必按期办结')
  await button(township, '确定同意').click()
  await row.getByText(/道义街道（乡镇\/街道）已同意蒲河村（村\/社区）延期 5 天，办结期限延长到/).waitFor()
  await screenshot(township, 'extension-4-approved')
  // The village's card at twice the size: the answer and her reason, nothing squeezed, small or faint.
  const twice = await openAs(session.browser, session.host.url, VILLAGE_CADRE, `/pages/case/index?id=${caseId}`)
  await twice.getByText('转办与延期').waitFor()
  await atTextScale(twice, 2)
  await twice.getByText('审批意见：请务必按期办结').scrollIntoViewIfNeeded()
  expect(await layoutProblems(twice)).toEqual({ squeezed: [], small: [], tinyText: [], tightLines: [], lowContrast: [] })
  await screenshot(twice, 'extension-4b-village-card-2x')

  // She reads the new date, and nothing the cadres wrote each other.
  const hers = await openAs(session.browser, session.host.url, RESIDENT, `/pages/case/index?id=${caseId}`)
  await hers.getByText(/^办理期限延长到\d+月\d+日$/).waitFor()
  expect(await hers.getByText(/测绘|按期办结/).count()).toBe(0)
  await screenshot(hers, 'extension-5-her-case')

  // A case filed at the wrong village: the village cadre transfers it to 道义村 from her desk.
  await session.host.post('/api/intake', aReport({ title: '道义村的路灯不亮' }), RESIDENT)
  const desk = await openAs(session.browser, session.host.url, VILLAGE_CADRE, '/federation/pages/inbox/index')
  await desk.getByText('道义村的路灯不亮').click()
  await button(desk, '转办').click()
  await desk.getByText('转给哪个村/社区').waitFor()
  await desk.locator('.choice:visible').filter({ hasText: '道义村' }).click()
  await desk.getByText('转给：道义村').waitFor()
  await field(desk, '转办理由').fill('路灯在道义村，报错了村')
  await screenshot(desk, 'transfer-1-sheet')
  await button(desk, '确定转办').click()
  await desk.getByText(/这条反映将从蒲河村（村\/社区）转给道义村（村\/社区）办理/).waitFor()
  await screenshot(desk, 'transfer-2-asked')
  await desk.locator('.taro-model__confirm').click()
  // It has left her hands: back to her desk, where it is no longer.
  await desk.locator('.tab:visible').filter({ hasText: '待受理' }).waitFor()
  await desk.locator('.card:visible').filter({ hasText: '道义村的路灯不亮' }).waitFor({ state: 'hidden' })

  const mine = await session.host.post<{ ok: boolean; data: { items: { id: string; title: string }[] } }>('/api/intake', { action: 'mine' }, RESIDENT)
  const moved = mine.body.data.items.find((c) => c.title === '道义村的路灯不亮')!
  const herMoved = await openAs(session.browser, session.host.url, RESIDENT, `/pages/case/index?id=${moved.id}`)
  await herMoved.getByText('您的反映转给了道义村（村/社区）办理').waitFor()
  expect(await herMoved.getByText(/报错了村/).count()).toBe(0)
  await screenshot(herMoved, 'transfer-3-her-case')
})
