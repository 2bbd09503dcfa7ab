/**
 * 我也遇到 and 合并办理 end to end: 赵小红 has reported a broken streetlight at 蒲河村 and 李 (a council
 * member, as herself) a duplicate. 孙丽娜 starts a report of her own, is offered both under 本村已有类似反映,
 * taps 我也遇到 on 赵小红's and finds it in 我的反映 under 我也反映, read-only. The convener sees that one
 * more person follows it, and merges 李's duplicate into it from the duplicate's page; 李 reads where
 * her report went (已与 #… 合并办理) and follows the other one now.
 */
import { aReport, CONVENER, MEMBER, OTHER_RESIDENT, RESIDENT } from '../support/demo'
import { caseNumber } from '../../types/case.contract'
import { atTextScale, button, openAs, pageErrors, screenshot } from './support/browser'
import { layoutProblems } from './support/layout-problems'
import { useHostAndPhone } from './support/session'

jest.setTimeout(120_000)

const session = useHostAndPhone()
const NONE = { squeezed: [], small: [], tinyText: [], tightLines: [], lowContrast: [] }

async function api<T>(fn: string, body: Record<string, unknown>, openid: string): Promise<T> {
  const reply = await session.host.post<{ ok: boolean; data: T; error?: { message: string } }>(`/api/${fn}`, body, openid)
  if (!reply.body.ok) throw new Error(reply.body.error?.message)
  return reply.body.data
}

test('a resident is offered her village’s case while reporting, taps 我也遇到 and follows it; the holder sees the count and merges a duplicate; its reporter sees the pointer', async () => {
  const { caseId: light } = await api<{ caseId: string }>('intake', aReport(), RESIDENT)
  const { caseId: duplicate } = await api<{ caseId: string }>('intake', aReport({ title: '路灯不亮', content: '村口路灯晚上不亮。' }), MEMBER)
  const number = caseNumber(light)

  // 孙丽娜 begins her own report: once the kind of problem and her village are there, the offer.
  const sun = await openAs(session.browser, session.host.url, OTHER_RESIDENT, '/pages/report/index')
  await sun.getByText('反映问题', { exact: true }).click()
  await sun.getByText('社会治理建议', { exact: true }).click()
  const offer = sun.locator('.card:visible').filter({ hasText: '本村已有类似反映' })
  await offer.getByText('村口路灯坏了').waitFor()
  await offer.getByText('路灯不亮').waitFor()
  await offer.getByText(`#${number} · 蒲河村 · 今天提交`).waitFor()
  // Large enough for a thumb, nothing squeezed, small or faint.
  expect(await layoutProblems(sun)).toEqual(NONE)
  await offer.scrollIntoViewIfNeeded()
  await screenshot(sun, 'me-too-1-offered')
  // And at twice the text size (WeChat's largest setting).
  const twice = await openAs(session.browser, session.host.url, OTHER_RESIDENT, '/pages/report/index')
  await twice.getByText('反映问题', { exact: true }).click()
  await twice.getByText('社会治理建议', { exact: true }).click()
  await twice.locator('.similar-case').first().waitFor()
  await atTextScale(twice, 2)
  await twice.locator('.similar-case').first().scrollIntoViewIfNeeded()
  expect(await layoutProblems(twice)).toEqual(NONE)
  await screenshot(twice, 'me-too-1b-offered-2x')

  await offer.locator('.similar-case').filter({ hasText: '村口路灯坏了' }).locator('taro-button-core').filter({ hasText: '我也遇到' }).click()
  await sun.locator('.taro-model__confirm').click()
  await offer.locator('.similar-case').filter({ hasText: '村口路灯坏了' }).getByText('✓ 已关注，进展会告诉您').waitFor()
  await offer.getByText(`#${number} · 蒲河村 · 今天提交 · 1 人也反映`).waitFor()
  // She can still write her own below.
  await sun.getByText('4. 说说情况').waitFor()
  await screenshot(sun, 'me-too-2-following')

  const sunCases = await openAs(session.browser, session.host.url, OTHER_RESIDENT, '/pages/my-cases/index')
  await sunCases.locator('.card:visible').filter({ hasText: '我也反映' }).first().waitFor()
  await sunCases.getByText(/^我也反映 · 蒲河村/).waitFor()
  await screenshot(sunCases, 'me-too-3-my-cases')
  await sunCases.getByText('村口路灯坏了').click()
  await sunCases.getByText('您也反映了这个问题，办理进展会通过“消息”告诉您。').waitFor()
  await sunCases.getByText('（反映内容只有反映人和办理的同志能看到）').waitFor()
  expect(await sunCases.getByText('撤回反映').count()).toBe(0)
  await screenshot(sunCases, 'me-too-4-follower-view')

  // The convener: how many follow it, and the duplicate merged into it from the duplicate's page.
  const held = await openAs(session.browser, session.host.url, CONVENER, `/pages/case/index?id=${light}`)
  await held.getByText('1 人也反映了这个问题').waitFor()
  const dup = await openAs(session.browser, session.host.url, CONVENER, `/pages/case/index?id=${duplicate}`)
  await button(dup, '合并到同类反映').click()
  await dup.locator('taro-button-core:visible').filter({ hasText: `#${number} 村口路灯坏了` }).click()
  await dup.locator('.taro-model__confirm').click()
  await dup.getByText(`已与 #${number} 合并办理`).first().waitFor()
  await dup.getByText('已关闭').first().waitFor()
  await dup.locator('.taro-model__confirm').waitFor({ state: 'hidden' })
  await screenshot(dup, 'me-too-5-merged')
  await held.reload()
  await held.getByText('2 人也反映了这个问题').waitFor()

  // 李: her report says where it went; she follows the other one now.
  const li = await openAs(session.browser, session.host.url, MEMBER, '/pages/my-cases/index')
  await li.locator('.card:visible').filter({ hasText: '路灯不亮' }).getByText(`已与 #${number} 合并办理`).waitFor()
  await li.getByText(/^我也反映 · 蒲河村/).waitFor()
  await screenshot(li, 'me-too-6-merged-reporter')
  await li.getByText('路灯不亮').click()
  await li.getByText(`您的反映已与 #${number} 合并办理`).waitFor()
  await button(li, `查看 #${number} 的进展`).click()
  // A council member of the village sees it by her role too, and is told she follows it.
  await li.getByText('您也反映了这个问题，办理进展会通过“消息”告诉您。').waitFor()
  await li.getByText('2 人也反映了这个问题').waitFor()
  await screenshot(li, 'me-too-7-pointer-followed')

  for (const page of [sun, twice, sunCases, held, dup, li]) expect(pageErrors(page)).toEqual([])
})
