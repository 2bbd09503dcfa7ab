/**
 * Announcements end to end: 蒲河村's convener publishes an activity from 公告 (发布公告); 赵小红 of 蒲河村
 * sees it on 首页's 最新公告 marked 未读, taps in, reads the whole text, and back on 首页 the mark is gone;
 * 吴海燕 of 大连's 光明山村 never sees it. The convener then takes it down (撤下).
 */
import { CONVENER, RESIDENT } from '../support/demo'
import { button, field, openAs, pageErrors, screenshot } from './support/browser'
import { useHostAndPhone } from './support/session'

jest.setTimeout(90_000)

const session = useHostAndPhone()

const TITLE = '周日上午包饺子敬老活动'
const BODY = '本周日上午九点在村委会活动室包饺子，送给村里的独居老人。请自带擀面杖，面和馅村里准备。'

test('a convener publishes an activity; a resident of her village sees it on 首页 with a mark, reads it, and the mark goes', async () => {
  const convener = await openAs(session.browser, session.host.url, CONVENER, '/pages/announcements/index')
  await button(convener, '发布公告').click()
  await convener.getByText('发布单位：蒲河村（村/社区），辖区内的群众都能看到').waitFor()
  await field(convener, '如：周六上午健康讲座').fill(TITLE)
  await field(convener, '时间、地点、要带什么').fill(BODY)
  // Sent without a kind: the contract's own words, before anything is sent.
  await button(convener, '发布').click()
  await convener.getByText('请选择公告类型：政策、通知或活动').waitFor()
  await convener.locator('.choice:visible').filter({ hasText: '讲座、培训、文体活动' }).click()
  await screenshot(convener, 'outreach-1-form')
  await button(convener, '发布').click()
  await convener.locator('.announcement:visible').filter({ hasText: TITLE }).waitFor()
  await screenshot(convener, 'outreach-2-published')

  const resident = await openAs(session.browser, session.host.url, RESIDENT)
  const card = resident.locator('.latest-announcements:visible')
  await card.getByText(TITLE).waitFor()
  // The pinned province policy first, then the newest; each new one says 未读 (not colour alone).
  await card.getByText('农村妇女“两癌”免费检查开始预约').waitFor()
  await card.getByText('最新公告（3 条未读）').waitFor()
  expect(await card.locator('.ann-dot').count()).toBe(3)
  await card.scrollIntoViewIfNeeded()
  await screenshot(resident, 'outreach-3-home-unread')

  await card.getByText(TITLE).click()
  await resident.getByText(BODY).waitFor()
  await resident.getByText('有 3 条新公告，标有“未读”。').waitFor()
  await screenshot(resident, 'outreach-4-feed')

  const back = await openAs(session.browser, session.host.url, RESIDENT)
  const again = back.locator('.latest-announcements:visible')
  await again.getByText(TITLE).waitFor()
  await again.getByText('最新公告', { exact: true }).waitFor()
  expect(await again.locator('.ann-dot').count()).toBe(0)
  await again.scrollIntoViewIfNeeded()
  await screenshot(back, 'outreach-5-home-read')

  // Another city's village never hears of it.
  const elsewhere = await openAs(session.browser, session.host.url, 'demo-resident-wu')
  await elsewhere.locator('.latest-announcements:visible').getByText('农村妇女“两癌”免费检查开始预约').waitFor()
  expect(await elsewhere.getByText(TITLE).count()).toBe(0)

  // The convener takes it down.
  const down = await openAs(session.browser, session.host.url, CONVENER, '/pages/announcements/index')
  await down.locator('.announcement:visible').filter({ hasText: TITLE }).locator('taro-button-core').filter({ hasText: '撤下' }).click()
  await down.getByText('确定撤下').click()
  await down.locator('.announcement').filter({ hasText: TITLE }).waitFor({ state: 'detached' })
  await down.getByText('周六上午村委会广场健康讲座').waitFor()
  await screenshot(down, 'outreach-6-retired')

  for (const page of [convener, resident, back, elsewhere, down]) expect(pageErrors(page)).toEqual([])
})
