/** The home page greets each persona by name and role, and offers the doors her role opens. */
import { button, field, openAs, screenshot } from './support/browser'
import { PUBLIC_PHONE_PROBLEM } from '../../types/account.contract'
import { useHostAndPhone } from './support/session'

jest.setTimeout(60_000)

const session = useHostAndPhone()

test('a resident sees her name, that she is a resident, and the entries to report', async () => {
  const page = await openAs(session.browser, session.host.url, 'demo-resident-zhao')
  await page.getByText('赵小红').waitFor()
  await page.getByText('群众', { exact: true }).waitFor()
  await page.getByText('我要反映').first().waitFor()
  expect(await page.getByText('工作台').count()).toBe(0)
  // Whom she can turn to: her council and its convener by name, and the hotline, one tap to call.
  await page.getByText('我的议事会：蒲河村议事会，主任 王秀兰').waitFor()
  await page.locator('.phone-number', { hasText: '12338' }).waitFor()
  await screenshot(page, 'home-resident')
})

test('a convener sees her role and council, and the deliberation and desk entries', async () => {
  const page = await openAs(session.browser, session.host.url, 'demo-convener-wang')
  await page.getByText('王秀兰', { exact: true }).waitFor()
  await page.getByText('议事会主任 · 蒲河村（村/社区）').waitFor()
  await page.getByText('议事', { exact: true }).waitFor()
  await page.getByText('工作台').waitFor()
  await screenshot(page, 'home-convener')
})

test('the convener leaves her number on 首页; a resident of her village calls it with one tap', async () => {
  const convener = await openAs(session.browser, session.host.url, 'demo-convener-wang')
  // The demo seed gave her one.
  await convener.getByText('群众在首页点一下就能打给您：13800001234').waitFor()
  await button(convener, '修改电话').click()
  await field(convener, '手机号码').fill('1391234')
  await button(convener, '保存').click()
  await convener.getByText(PUBLIC_PHONE_PROBLEM).waitFor()
  await screenshot(convener, 'home-convener-phone-sheet')
  await field(convener, '手机号码').fill('13912345678')
  await button(convener, '保存').click()
  await convener.getByText('群众在首页点一下就能打给您：13912345678').waitFor()
  await convener.getByText('已保存').waitFor({ state: 'hidden' })
  await screenshot(convener, 'home-convener-phone')

  const resident = await openAs(session.browser, session.host.url, 'demo-resident-zhao')
  const call = resident.locator('.phone-number[aria-label="拨打 13912345678"]')
  await call.waitFor()
  expect(await call.textContent()).toBe('13912345678')
  await resident.getByText('我的议事会：蒲河村议事会，主任 王秀兰').waitFor()
  expect(await resident.getByText('我的联系电话').count()).toBe(0)
  await screenshot(resident, 'home-resident-convener-phone')

  // She takes it back: residents see her name only (the persona is the page's, so each opens again).
  const again = await openAs(session.browser, session.host.url, 'demo-convener-wang')
  await button(again, '修改电话').click()
  await button(again, '清除').click()
  await again.getByText('还没有留电话，群众在首页可以一键打给您').waitFor()
  const later = await openAs(session.browser, session.host.url, 'demo-resident-zhao')
  await later.getByText('我的议事会：蒲河村议事会，主任 王秀兰').waitFor()
  await later.locator('.phone-number', { hasText: '12338' }).waitFor()
  expect(await later.locator('.phone-number').count()).toBe(1)
})

test('the persona switcher changes who the app acts as', async () => {
  const page = await openAs(session.browser, session.host.url, 'demo-resident-zhao')
  await page.getByText('赵小红').waitFor()
  await page.getByText('切换身份').click()
  await page.getByText('郭丽君').click()
  await page.getByText('妇联干部 · 辽宁省（省）').waitFor()
  await screenshot(page, 'home-after-switch')
})

test('a page that is slow to answer stands in grey cards until it does', async () => {
  // A slow network: 我的反映's answer takes a second and a half.
  const slow = (route: import('playwright-core').Route) => void setTimeout(() => void route.continue(), 1500)
  await session.browser.route('**/api/intake', slow)
  try {
    const page = await openAs(session.browser, session.host.url, 'demo-resident-zhao', '/pages/my-cases/index')
    await page.locator('.nut-skeleton:visible').first().waitFor()
    await screenshot(page, 'home-loading-skeleton')
    await page.getByText('您还没有反映过问题').or(page.locator('.case-row-line').first()).first().waitFor()
    expect(await page.locator('.nut-skeleton:visible').count()).toBe(0)
  } finally {
    await session.browser.unroute('**/api/intake', slow)
  }
})
