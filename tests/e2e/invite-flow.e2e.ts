/** Onboarding: the convener makes an invitation in the browser; a newcomer joins the council with it. */
import { ADMIN, CONVENER } from '../support/demo'
import { button, field, openAs, screenshot } from './support/browser'
import { useHostAndPhone } from './support/session'

jest.setTimeout(90_000)

const session = useHostAndPhone()

test('a convener invites a member by code; the newcomer joins and sees her new role', async () => {
  const page = await openAs(session.browser, session.host.url, CONVENER)
  await page.getByText('邀请成员').click()
  // The home page stays in the DOM, hidden: pick among the visible choices only.
  // Her one council and the one role she may offer there are chosen for her; nothing waits.
  await page.locator('.choice-on:visible').filter({ hasText: '蒲河村' }).waitFor()
  await page.locator('.choice-on:visible').filter({ hasText: /^议事会成员$/ }).waitFor()
  expect(await page.locator('.button-why:visible').count()).toBe(0)
  await button(page, '生成邀请码').click()
  const code = (await page.locator('.invite-code').innerText()).trim()
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
  await screenshot(page, 'invite-1-code')

  const newcomer = await openAs(session.browser, session.host.url, 'newcomer-openid', '/pages/join/index')
  await field(newcomer, '例如').fill(code.toLowerCase())
  await button(newcomer, '加入').click()
  await newcomer.getByText('您已成为蒲河村（村/社区）的议事会成员').waitFor()
  await screenshot(newcomer, 'invite-2-joined')
  await button(newcomer, '回到首页').click()
  await newcomer.getByText('议事会成员 · 蒲河村（村/社区）').waitFor()
})

test('until a choice is made, the page says which one the button waits for', async () => {
  const page = await openAs(session.browser, session.host.url, ADMIN, '/federation/pages/invite/index')
  await page.locator('.choice-on:visible').filter({ hasText: '辽宁省' }).waitFor()
  await page.locator('.button-why:visible').filter({ hasText: '请选择邀请担任的角色' }).waitFor()
  await page.locator('.choice:visible').filter({ hasText: /^妇联干部$/ }).click()
  expect(await page.locator('.button-why:visible').count()).toBe(0)
  await screenshot(page, 'invite-3-role-chosen')
})
