/**
 * The cadre's statistics on the demo (npm start's first-start cases): 道义街道's cadre is told of a
 * 矛盾苗头预警, finds it on 数据看板 with the reports behind it and opens one; she reads her villages'
 * month on 月度排名, steps to another month and back, and exports the 通报; the county cadre's
 * scorecard drills down to the township's. On both hosts: the demo's cases are written through the
 * production path's bundles too.
 */
import { readFileSync } from 'node:fs'
import { COUNTY_CADRE, TOWNSHIP_CADRE } from '../support/demo'
import { HOST_KINDS } from '../support/hosts'
import { button, openAs, pageErrors, screenshot } from './support/browser'
import { useHostAndPhone } from './support/session'

jest.setTimeout(90_000)

describe.each(HOST_KINDS)('%s host', (kind) => {
  const session = useHostAndPhone(kind, { demoCases: true })

  test('a township cadre is warned of a hotspot, sees the cases behind it, and reads and exports her villages’ scorecard', async () => {
    // The message first: 消息 has the warning, and it opens 数据看板 of her township.
    const messages = await openAs(session.browser, session.host.url, TOWNSHIP_CADRE, '/pages/messages/index')
    await messages.getByText('矛盾苗头预警：道义街道').waitFor()
    await screenshot(messages, `ranking-${kind}-1-message`)
    await messages.getByText(/道义街道近 14 天有 3 个村（社区）反映「劳动和社会保障权益」问题/).click()

    await messages.getByText('⚠ 矛盾苗头预警（1 条）').waitFor()
    const alert = messages.locator('.hotspots:visible')
    await alert.getByText('道义街道近 14 天有 3 个村（社区）反映「劳动和社会保障权益」问题，共 3 件：正良社区、蒲河村、道义村。').waitFor()
    for (const title of ['服装厂拖欠工资三个月', '打工的工钱一直要不回来', '厂里不签合同也不交社保']) await alert.getByText(title).waitFor()
    await screenshot(messages, `ranking-${kind}-2-dashboard-alert`)

    // A report behind it opens its case.
    await alert.getByText('打工的工钱一直要不回来').click()
    await messages.getByText(/去年在服装厂干的活/).waitFor()

    // Her villages' month: 蒲河村 answered in time; the others have nothing to score yet.
    const dashboard = await openAs(session.browser, session.host.url, TOWNSHIP_CADRE, '/federation/pages/dashboard/index')
    await dashboard.getByText('道义街道（乡镇/街道）').waitFor()
    await button(dashboard, '下级单位月度排名与通报').click()
    await dashboard.getByText('道义街道（乡镇/街道）下级单位 2026年11月 排名').waitFor()
    const cards = dashboard.locator('.rank-card:visible')
    await cards.first().waitFor()
    expect(await cards.locator('.rank-name').allInnerTexts()).toEqual(['蒲河村', '正良社区', '道义村'])
    expect(await cards.first().locator('.rank-badge').innerText()).toBe('1')
    expect(await cards.first().locator('.rank-score-value').innerText()).toBe('100.0')
    await cards.first().getByText('响应率').waitFor()
    // Nothing to score: ranked last, together.
    expect(await cards.nth(1).locator('.rank-score-value').innerText()).toBe('—')
    expect(await cards.locator('.rank-badge').allInnerTexts()).toEqual(['1', '2', '2'])
    await screenshot(dashboard, `ranking-${kind}-3-scorecard`)

    // October had nothing; November again.
    await dashboard.getByText('‹ 上月').click()
    await dashboard.getByText('道义街道（乡镇/街道）下级单位 2026年10月 排名').waitFor()
    expect(await cards.locator('.rank-score-value').allInnerTexts()).toEqual(['—', '—', '—'])
    await dashboard.getByText('下月 ›').click()
    await dashboard.getByText('道义街道（乡镇/街道）下级单位 2026年11月 排名').waitFor()

    // The 通报, as Excel opens it.
    const [download] = await Promise.all([dashboard.waitForEvent('download'), button(dashboard, '导出本月通报').click()])
    expect(download.suggestedFilename()).toBe('议事会月度通报_道义街道_2026-11.csv')
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFF排名,单位,综合得分,响应率（权重30%）,解决率（权重35%）,满意率（权重35%）,按时办结率,被催办次数,本月反映数,知识库更新数',
      '1,蒲河村,100.0,100%,—,—,—,0,1,0',
    ])
    expect(pageErrors(dashboard)).toEqual([])
  })

  test('the county cadre’s scorecard drills down to a township’s villages', async () => {
    const page = await openAs(session.browser, session.host.url, COUNTY_CADRE, '/federation/pages/ranking/index')
    await page.getByText('沈北新区（县/区）下级单位', { exact: false }).waitFor()
    const cards = page.locator('.rank-card:visible')
    expect(await cards.locator('.rank-name').allInnerTexts()).toEqual(['道义街道', '清水台镇'])
    await screenshot(page, `ranking-${kind}-4-county`)
    await cards.first().getByText('查看下级排名 ›').click()
    await page.getByText('道义街道（乡镇/街道）下级单位 2026年11月 排名').waitFor()
    // The county sees the township's warning too.
    const dashboard = await openAs(session.browser, session.host.url, COUNTY_CADRE, '/federation/pages/dashboard/index')
    await dashboard.getByText('⚠ 矛盾苗头预警（1 条）').waitFor()
    expect(pageErrors(page)).toEqual([])
  })
})
