/**
 * The cadre's figures on 数据看板, in the browser on both hosts (the demo's cases, and 21 more reports
 * from 蒲河村): 道义街道's cadre taps 待受理 and sees the cases behind it, 20 at a time, loads the rest,
 * opens one; back on the dashboard she changes the months, reads the trend and its figures in words,
 * and taps 反映 of those months to see their cases.
 */
import { aReport, TOWNSHIP_CADRE, VILLAGE } from '../support/demo'
import { HOST_KINDS } from '../support/hosts'
import { button, openAs, pageErrors, screenshot } from './support/browser'
import { useHostAndPhone } from './support/session'

jest.setTimeout(120_000)

describe.each(HOST_KINDS)('%s host', (kind) => {
  const session = useHostAndPhone(kind, { demoCases: true })
  beforeAll(async () => {
    for (let i = 0; i < 21; i++) {
      const sent = await session.host.post<{ ok: boolean }>('/api/intake', aReport({ villageId: VILLAGE, title: `广场路灯不亮第${i + 1}处` }), `e2e-resident-${i}`)
      expect(sent.body.ok).toBe(true)
    }
  })

  test('a township cadre taps a figure, pages through the cases behind it, opens one, then changes the months and reads the trend', async () => {
    const page = await openAs(session.browser, session.host.url, TOWNSHIP_CADRE, '/federation/pages/dashboard/index')
    await page.getByText('道义街道（乡镇/街道）').waitFor()
    // Which figures follow the months and which stand as of today, said on screen.
    await page.getByText('2026年6月至11月（随所选月份）').waitFor()
    await page.getByText('截至今天（不随所选月份变化）').waitFor()
    await page.getByText('每月反映与办结').waitFor()
    await screenshot(page, `drill-${kind}-1-dashboard`)

    // 待受理: two of the demo's three, and the 21 new ones.
    const pendingBar = page.getByRole('button', { name: /^待受理 23，查看这些反映$/ })
    await pendingBar.click()
    await page.getByText('道义街道 · 待受理的反映').waitFor()
    await page.getByText('全部时间提交的（截至今天），含下辖全部单位，新提交的在前').waitFor()
    const rows = page.locator('.card:visible', { hasText: '编号' })
    await rows.nth(19).waitFor()
    expect(await rows.count()).toBe(20)
    await screenshot(page, `drill-${kind}-2-pending`)
    await button(page, '加载更多').click()
    await page.getByText('共 23 条，已全部显示').waitFor()
    expect(await rows.count()).toBe(23)
    // Among them the demo's unpaid wages at 道义村 and 正良社区 (蒲河村 accepted hers).
    expect(await rows.filter({ hasText: /拖欠|工钱|社保/ }).count()).toBe(2)
    await screenshot(page, `drill-${kind}-3-all-pages`)

    // The months the dashboard had: a choice on the list (the 21 and the demo's are all from November).
    await page.getByText('2026年6月至11月提交').click()
    await page.getByText('2026年6月至11月提交的，含下辖全部单位，新提交的在前').waitFor()

    // One opens its case.
    const title = await rows.first().locator('.row-title').innerText()
    await rows.first().click()
    await page.getByText('反映内容').waitFor()
    await page.getByText(title, { exact: true }).filter({ visible: true }).first().waitFor()

    // The dashboard again: the last three months; the trend says each month in words.
    const dashboard = await openAs(session.browser, session.host.url, TOWNSHIP_CADRE, '/federation/pages/dashboard/index')
    await dashboard.getByText('近 3 个月').click()
    await dashboard.getByText('2026年9月至11月（随所选月份）').waitFor()
    const months = dashboard.locator('.trend-month')
    await months.nth(2).waitFor()
    expect(await months.count()).toBe(3)
    expect(await months.first().getAttribute('aria-label')).toBe('2026年9月：反映 0 件，受理 0 件，办结 0 件，评价 0 次')
    expect(await months.last().getAttribute('aria-label')).toBe('2026年11月：反映 24 件，受理 1 件，办结 0 件，评价 0 次')
    await screenshot(dashboard, `drill-${kind}-4-trend`)

    // 反映 of those months: their cases.
    await dashboard.getByRole('button', { name: '反映 24，查看这些反映' }).click()
    await dashboard.getByText('道义街道 · 全部反映').waitFor()
    await dashboard.getByText('2026年9月至11月提交的，含下辖全部单位，新提交的在前').waitFor()
    await button(dashboard, '加载更多').click()
    await dashboard.getByText('共 24 条，已全部显示').waitFor()

    // A figure with nothing behind it says what that means.
    await openAs(session.browser, session.host.url, TOWNSHIP_CADRE, '/federation/pages/cases/index?orgId=210113001&level=province').then(async (empty) => {
      await empty.getByText('没有这样的反映').waitFor()
      await empty.getByText('到今天为止提交的反映中，没有在省办结的。').waitFor()
      await screenshot(empty, `drill-${kind}-5-empty`)
      expect(pageErrors(empty)).toEqual([])
    })
    expect(pageErrors(page)).toEqual([])
    expect(pageErrors(dashboard)).toEqual([])
  })
})
