/**
 * Platform 2 end to end (议事协商): the convener of 蒲河村 opens a deliberation on a resident's case,
 * three members vote in the browser (one changes her mind), the convener votes, records a ballot a
 * member gave by phone, binds the council's group chat (a member arriving from it lands on the
 * deliberation), closes it, and the case's timeline shows the result.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { aReport, CONVENER, MEMBER, RESIDENT } from '../support/demo'
import { atTextScale, field, openAs, pageErrors, screenshot } from './support/browser'
import { layoutProblems } from './support/layout-problems'
import { useHostAndPhone } from './support/session'

jest.setTimeout(180_000)

const LI = MEMBER
const ZHANG = 'demo-member-zhang'
const LIU = 'demo-member-liu'
const TITLE = '村口路灯由谁出资维修'
const OPTIONS = ['村集体出资', '申请镇里专项资金', '暂缓维修']

const session = useHostAndPhone()

const deliberationRoute = (id: string) => `/council/pages/deliberation/index?id=${id}`

/** A visible button with exactly this text ('投票' is not '代投票' or '修改投票'). */
const button = (page: Page, text: string) =>
  page.locator('taro-button-core:visible').filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) })

/**
 * Until a bottom sheet has closed, the screen is dimmed: wait until its overlay has faded and its
 * panel has slid away (NutUI hides both when their transitions end) before a screenshot.
 */
const settled = async (page: Page) => {
  for (const closing of ['.nut-overlay:visible', '.nut-popup:visible']) {
    await page.locator(closing).waitFor({ state: 'detached' }).catch(() => undefined)
  }
}

/** An option card of the vote (not the same words in the convener's proxy sheet). */
const option = (page: Page, text: string) => page.locator('.vote-option:visible').filter({ hasText: text })

async function voteAs(openid: string, id: string, choice: string): Promise<Page> {
  const page = await openAs(session.browser, session.host.url, openid, deliberationRoute(id))
  await page.getByText(TITLE).first().waitFor()
  await option(page, choice).click()
  await button(page, '投票').click()
  await page.getByText('已投票，可在截止前修改。').waitFor()
  return page
}

async function openCase(): Promise<string> {
  const sent = await session.host.post<{ ok: boolean; data: { caseId: string } }>(
    '/api/intake',
    aReport({ title: '村口路灯坏了', content: '村口到小学的路灯坏了两个月，晚上孩子放学很危险。' }),
    RESIDENT,
  )
  expect(sent.body.ok).toBe(true)
  return sent.body.data.caseId
}

test('a convener opens a deliberation on a case, members vote, she closes it, the case records the result', async () => {
  const caseId = await openCase()

  // The convener opens it from the case: the form starts from the case, and checks itself.
  const convener = await openAs(session.browser, session.host.url, CONVENER, `/council/pages/create/index?caseId=${caseId}`)
  await convener.getByText('关于这条反映').waitFor()
  expect(await field(convener, '议题').inputValue()).toBe('村口路灯坏了')
  await button(convener, '发起议事').click()
  await convener.locator('.error-text').filter({ hasText: '请选择截止时间' }).waitFor()
  await convener.locator('.error-text').filter({ hasText: '请填写选项内容' }).first().waitFor()
  await screenshot(convener, 'council-1-create-errors')

  await field(convener, '议题').fill(TITLE)
  await field(convener, '背景').fill('村口到小学的路灯坏了两个月，供电所说线路归村里管。请大家商量由谁出钱修。')
  await field(convener, '第 1 个选项').fill(OPTIONS[0]!)
  await field(convener, '第 2 个选项').fill(OPTIONS[1]!)
  await convener.getByText('＋ 添加选项').click()
  await field(convener, '第 3 个选项').fill(OPTIONS[2]!)
  await convener.getByText('3天后').click()
  await convener.getByText(/12月3日 10:00 截止（还剩 3 天/).waitFor()
  await screenshot(convener, 'council-2-create-filled')
  // Typing the whole form threw nothing and logged no error.
  expect(pageErrors(convener)).toEqual([])
  await button(convener, '发起议事').click()

  await convener.getByText('议题背景').waitFor()
  const id = new URL(convener.url().replace('#', '')).searchParams.get('id') ?? ''
  expect(id).not.toBe('')
  await convener.getByText('还剩 3 天').first().waitFor()
  await convener.getByText('已投票 0 / 6 人，需 4 人').waitFor()
  await screenshot(convener, 'council-3-opened')
  await convener.close()

  // A member finds it from home → 议事, where it waits for her vote.
  const li = await openAs(session.browser, session.host.url, LI)
  await li.getByText('议事', { exact: true }).click()
  await li.getByText('进行中（1）').waitFor()
  await li.locator('.council-row:visible').filter({ hasText: TITLE }).filter({ hasText: '待我投票' }).waitFor()
  await screenshot(li, 'council-4-member-inbox')

  // She does not see the counts before she votes, then votes and may ask for the result by message.
  await li.locator('.council-row:visible').filter({ hasText: TITLE }).click()
  await li.getByText('议题背景').waitFor()
  await li.getByText(/投票后可以看到各选项的票数/).waitFor()
  await screenshot(li, 'council-5-member-before-vote')
  await option(li, OPTIONS[0]!).click()
  await button(li, '投票').click()
  await li.getByText('已投票，可在截止前修改。').waitFor()
  await li.getByText('1 票').first().waitFor()
  await button(li, '接收议事通知').click()
  await button(li, '允许').click()
  await li.getByText('好的，表决结果会通知您。').waitFor()
  await field(li, '说说您的意见').fill('路灯关系到孩子安全，建议村里先出钱修。')
  await button(li, '发表意见').click()
  await li.locator('.comment-text').filter({ hasText: '路灯关系到孩子安全' }).waitFor()
  await screenshot(li, 'council-6-member-voted')
  await li.close()

  // 张淑珍 votes to wait, then changes her mind.
  const zhang = await voteAs(ZHANG, id, OPTIONS[2]!)
  await option(zhang, OPTIONS[0]!).click()
  await button(zhang, '修改投票').click()
  await zhang.getByText('已修改').first().waitFor()
  await zhang.locator('.audit-entry').filter({ hasText: '张淑珍' }).filter({ hasText: '改过 1 次' }).waitFor()
  await screenshot(zhang, 'council-7-member-changed')
  await zhang.close()

  const liu = await voteAs(LIU, id, OPTIONS[1]!)
  await liu.close()

  // The convener votes herself, records 陈丽华's ballot given by phone, binds the group chat.
  const tools = await openAs(session.browser, session.host.url, CONVENER, deliberationRoute(id))
  await tools.getByText('已投票 3 / 6 人，需 4 人').waitFor()
  await option(tools, OPTIONS[0]!).click()
  await button(tools, '投票').click()
  await tools.getByText('已投票 4 / 6 人，需 4 人').waitFor()
  await tools.getByText('已达法定人数').waitFor()
  await button(tools, '代投票').click()
  await tools.locator('.council-sheet .choice:visible').filter({ hasText: '陈丽华' }).click()
  await tools.locator('.council-sheet .choice:visible').filter({ hasText: OPTIONS[0]! }).click()
  await field(tools, '代投说明').fill('电话确认，本人同意村集体出资')
  await screenshot(tools, 'council-8-proxy-sheet')
  await button(tools, '确认代投').click()
  await tools.getByText('已投票 5 / 6 人，需 4 人').waitFor()
  await tools.locator('.audit-entry').filter({ hasText: '陈丽华' }).filter({ hasText: '代投' }).waitFor()
  await tools.getByText('由王秀兰代投：电话确认，本人同意村集体出资').waitFor()
  await settled(tools)

  await button(tools, '绑定本群').click()
  await field(tools, '群编号').fill('puhe-council')
  await button(tools, '绑定').click()
  await tools.getByText(/已绑定议事会微信群/).waitFor()
  await settled(tools)
  await screenshot(tools, 'council-9-convener-tools')
  await tools.close()

  // A member opening the council's page from the bound group chat lands on the open deliberation.
  const fromGroup = await openAs(session.browser, session.host.url, LIU, '/council/pages/inbox/index?groupId=puhe-council')
  await fromGroup.getByText('议题背景').waitFor()
  await fromGroup.getByText(TITLE).first().waitFor()
  await screenshot(fromGroup, 'council-10-landed-from-group')
  await fromGroup.close()

  // The convener closes it.
  const closing = await openAs(session.browser, session.host.url, CONVENER, deliberationRoute(id))
  await closing.getByText('已投票 5 / 6 人，需 4 人').waitFor()
  await button(closing, '关闭表决').click()
  await closing.getByText('确定关闭').click()
  await closing.getByText(`表决通过：${OPTIONS[0]}`).waitFor()
  await closing.getByText('结果已写入反映的办理进度。').waitFor()
  await closing.getByText('4 票').first().waitFor()
  await screenshot(closing, 'council-11-closed')

  // The case's timeline has it (the convener's case page).
  await closing.getByText('查看关联的反映 ›').click()
  await closing
    .locator('.timeline-text:visible')
    .filter({ hasText: `议事会就“${TITLE}”表决通过：${OPTIONS[0]}（6 名成员中 5 人投票）` })
    .waitFor()
  await screenshot(closing, 'council-12-case-timeline')
  await closing.close()

  // The inbox: the closed one with its result, and the cases her council holds.
  const inbox = await openAs(session.browser, session.host.url, CONVENER, '/council/pages/inbox/index')
  await inbox.getByText('已结束（1）').waitFor()
  await inbox.locator('.council-row').filter({ hasText: TITLE }).filter({ hasText: `表决通过：${OPTIONS[0]}` }).waitFor()
  await inbox.getByText('本议事会的反映（蒲河村）').waitFor()
  await screenshot(inbox, 'council-13-convener-inbox')

  // A member's inbox (no case queue for her) shows the same result.
  const memberInbox = await openAs(session.browser, session.host.url, LI, '/council/pages/inbox/index')
  await memberInbox.getByText('已结束（1）').waitFor()
  expect(await memberInbox.getByText('本议事会的反映').count()).toBe(0)
  expect(await memberInbox.getByText('发起议事').count()).toBe(0)
  await screenshot(memberInbox, 'council-14-member-inbox-closed')

  // The result went out as a subscription message to the member who allowed it.
  await session.host.post('/__dev/tick', {})
  const outbox = await session.host.get<{ templateId: string; page: string }[]>(`/__dev/outbox?openid=${LI}`)
  expect(outbox).toContainEqual(expect.objectContaining({ templateId: 'local-deliberation_result', page: deliberationRoute(id) }))
})

test('the council pages hold at the largest font', async () => {
  const caseId = await openCase()
  const opened = await session.host.post<{ ok: boolean; data: { deliberationId: string } }>(
    '/api/deliberation',
    {
      action: 'open',
      orgId: '210113001201',
      caseId,
      title: '村里广场晚上的照明和安全怎么安排更合适',
      background: '广场晚上跳舞的人多，灯少。',
      options: ['增加两盏路灯并安排志愿者巡逻', '只增加路灯'],
      closesAt: new Date(Date.parse((await session.host.get<{ now: string }>('/__dev/clock')).now) + 48 * 3_600_000).toISOString(),
    },
    CONVENER,
  )
  expect(opened.body.ok).toBe(true)
  for (const [name, route, landmark] of [
    ['inbox', '/council/pages/inbox/index', '进行中'],
    ['create', '/council/pages/create/index', '表决规则'],
    ['deliberation', deliberationRoute(opened.body.data.deliberationId), '议题背景'],
  ] as const) {
    const page = await openAs(session.browser, session.host.url, CONVENER, route)
    await page.getByText(landmark).first().waitFor()
    await atTextScale(page, 2)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(1)
    expect([name, await layoutProblems(page)]).toEqual([name, { squeezed: [], small: [], tinyText: [], tightLines: [], lowContrast: [] }])
    await screenshot(page, `elderly-council-${name}`)
    await page.close()
  }
})

test('on a sensitive case the form asks for a neutral title and copies nothing from the case', async () => {
  const sent = await session.host.post<{ ok: boolean; data: { caseId: string } }>(
    '/api/intake',
    aReport({ category: 'marriage_family', title: '家里有矛盾想请人调解', content: '丈夫经常酒后吵闹，想请村里帮忙调解。' }),
    RESIDENT,
  )
  const page = await openAs(session.browser, session.host.url, CONVENER, `/council/pages/create/index?caseId=${sent.body.data.caseId}`)
  await page.getByText(/这条反映涉及个人隐私/).waitFor()
  expect(await field(page, '议题').inputValue()).toBe('')
  expect(await field(page, '背景').inputValue()).toBe('')
  await screenshot(page, 'council-create-sensitive')
  await page.close()
})
