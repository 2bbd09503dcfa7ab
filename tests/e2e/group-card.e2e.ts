/**
 * The convener's 提醒未投票的成员 in the browser (the H5 build on the local host): the page says the
 * group card updates itself only inside WeChat (no share menu and no group chat here), and the button
 * still reminds through the server — the others who have not voted find the reminder in 消息, she sees
 * when she may remind again, and a second tap is not offered.
 */
import type { Page } from 'playwright-core'
import { CONVENER, MEMBER, VILLAGE } from '../support/demo'
import { openAs, pageErrors, screenshot } from './support/browser'
import { useHostAndPhone } from './support/session'

jest.setTimeout(180_000)

const session = useHostAndPhone()
const TITLE = '重阳节敬老活动怎么办'

const button = (page: Page, text: string) => page.locator('taro-button-core:visible').filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) })

async function api<T>(fn: string, openid: string, body: Record<string, unknown>): Promise<T> {
  const reply = await session.host.post<{ ok: boolean; data: T; error?: { message: string } }>(`/api/${fn}`, body, openid)
  if (!reply.body.ok) throw new Error(reply.body.error?.message)
  return reply.body.data
}

test('the convener reminds those who have not voted; on H5 the page says the group card lives in WeChat', async () => {
  const { now } = await session.host.get<{ now: string }>('/__dev/clock')
  const { deliberationId } = await api<{ deliberationId: string }>('deliberation', CONVENER, {
    action: 'open',
    orgId: VILLAGE,
    title: TITLE,
    background: '今年重阳节想为村里老人办一次活动。',
    options: ['集中聚餐', '上门慰问'],
    closesAt: new Date(Date.parse(now) + 72 * 3_600_000).toISOString(),
  })
  await api('deliberation', MEMBER, { action: 'vote', deliberationId, choices: [0] })

  const page = await openAs(session.browser, session.host.url, CONVENER, `/council/pages/deliberation/index?id=${deliberationId}`)
  await page.getByText('主任工具').waitFor()
  await page.getByText(/本地演示没有微信群，不能分享卡片/).waitFor()
  await screenshot(page, 'group-card-1-convener-tools')
  await button(page, '提醒未投票的成员').click()
  await page.getByText('已提醒 4 人').waitFor()
  await page.getByText(/已提醒过未投票的成员，.* 后可以再提醒。/).waitFor()
  expect(await button(page, '提醒未投票的成员').count()).toBe(0)
  await screenshot(page, 'group-card-2-reminded')

  // 张桂芝 has not voted: the reminder is in her 消息; 李春梅 voted, hers is not.
  const inbox = async (openid: string) =>
    (await api<{ items: { kind: string; page: string }[] }>('notify', openid, { action: 'inbox' })).items.filter(
      (m) => m.kind === 'deliberation_reminder' && m.page.endsWith(deliberationId),
    )
  expect(await inbox('demo-member-zhang')).toHaveLength(1)
  expect(await inbox(MEMBER)).toHaveLength(0)
  const zhang = await openAs(session.browser, session.host.url, 'demo-member-zhang', '/pages/messages/index')
  await zhang.getByText(new RegExp(`议事“${TITLE}”将于 .* 截止，您还没有投票。`)).first().waitFor()
  await screenshot(zhang, 'group-card-3-member-message')
  expect(pageErrors(page)).toEqual([])
})
