/**
 * Platform 1 end to end, on each host (the local one, and the production path: the built bundles on
 * the function runner and the CloudBase emulator): a resident reports with a photo, sees it in
 * 我的反映; the convener accepts it; her timeline shows it; after resolution she rates it. A screenshot
 * of each step (the production path's are named cloud-…).
 */
import type { Page } from 'playwright-core'
import { aReport, CONVENER, RESIDENT } from '../support/demo'
import { HOST_KINDS } from '../support/hosts'
import { button, field, openAs, screenshot as keepScreenshot } from './support/browser'
import { fillReport } from './support/report'
import { layoutProblems } from './support/layout-problems'
import { useHostAndPhone } from './support/session'

jest.setTimeout(90_000)

describe.each(HOST_KINDS)('%s host', (kind) => {
  const session = useHostAndPhone(kind)
  const screenshot = (page: Page, name: string) => keepScreenshot(page, kind === 'local' ? name : `cloud-${name}`)

  async function api<T>(fn: string, body: Record<string, unknown>, openid: string): Promise<T> {
    const reply = await session.host.post<{ ok: boolean; data: T; error?: { message: string } }>(`/api/${fn}`, body, openid)
    if (!reply.body.ok) throw new Error(reply.body.error?.message)
    return reply.body.data
  }

  test('a resident reports with a photo, follows it, and rates it once resolved', async () => {
    const page = await openAs(session.browser, session.host.url, RESIDENT, '/pages/report/index')
    await fillReport(page, { title: '村口路灯坏了', content: '村口到小学的路灯坏了两个月，晚上孩子放学很危险。', photo: true })
    // The village came chosen and can still be changed, level by level.
    await page.locator('.field-box').filter({ hasText: /^蒲河村$/ }).click()
    for (const name of ['沈阳市', '沈北新区', '道义街道', '蒲河村']) await page.locator('.picker-item:visible').filter({ hasText: new RegExp(`^${name}`) }).click()
    await page.locator('.field-box').filter({ hasText: '沈阳市 沈北新区 道义街道 蒲河村' }).waitFor()
    // With a photo in, every tap target (its 删除 too) is still a thumb's size.
    expect((await layoutProblems(page)).small).toEqual([])
    await screenshot(page, 'report-1-form')

    await button(page, '下一步：核对').click()
    await page.getByText('请核对要提交的内容').waitFor()
    await screenshot(page, 'report-2-preview')
    await button(page, '确认提交').click()
    await page.getByText('已提交').waitFor()
    await screenshot(page, 'report-3-sent')

    await button(page, '查看办理进度').click()
    await page.getByText('反映已提交，由蒲河村（村/社区）议事会受理').waitFor()
    await page.getByText(/受理期限：.*（还剩 \d+ 小时）/).waitFor()

    const mine = await openAs(session.browser, session.host.url, RESIDENT, '/pages/my-cases/index')
    await mine.getByText('村口路灯坏了').waitFor()
    await mine.getByText('待受理').waitFor()
    await screenshot(mine, 'report-4-my-cases')

    const { items } = await api<{ items: { id: string; title: string }[] }>('intake', { action: 'mine' }, RESIDENT)
    const caseId = items[0]!.id
    await api('escalation', { action: 'accept', caseId }, CONVENER)

    await mine.reload()
    await mine.getByText('办理中').waitFor()
    await mine.getByText('村口路灯坏了').click()
    await mine.getByText('蒲河村（村/社区）已受理').waitFor()
    // Like a parcel tracker: the steps done, what happens now, the newest step on top.
    await mine.getByText(/^现在：蒲河村（村\/社区）正在办理，办结期限还剩/).waitFor()
    expect(await mine.locator('.step-done').count()).toBe(2)
    expect(await mine.locator('.timeline-text').first().innerText()).toBe('蒲河村（村/社区）已受理')
    // Her photo is shown from where the host keeps it (the emulated cloud storage on the production path).
    await mine.waitForFunction(() => {
      const photo = document.querySelector('.case-photo img') as HTMLImageElement | null
      return photo !== null && photo.complete && photo.naturalWidth > 0
    })
    await screenshot(mine, 'report-5-accepted')

    await api('escalation', { action: 'resolve', caseId, outcome: 'solved', resolution: '已联系供电所更换路灯。' }, CONVENER)
    await mine.reload()
    await mine.getByText('问题解决了吗？').waitFor()
    await choose(mine, '问题解决了吗？', '解决了')
    await choose(mine, '您满意吗？', '满意')
    // Solved: nothing to send on, so the page does not ask.
    expect(await mine.getByText('要不要让上一级妇联继续办理？').count()).toBe(0)
    await button(mine, '提交评价').click()
    await mine.getByText('反映人评价：解决了，满意').waitFor()
    await mine.getByText('已关闭', { exact: true }).waitFor()
    await mine.getByText('这条反映已经全部办完').waitFor()
    expect(await mine.locator('.step-done').count()).toBe(5)
    await screenshot(mine, 'report-6-rated')
  })

  test('she can speak her description instead of typing it, and correct it after', async () => {
    // A phone whose browser turns speech into text: it hears one sentence, then the end of speech.
    const speaking = `window.SpeechRecognition = class {
      start() { setTimeout(() => { this.onresult({ results: [Object.assign([{ transcript: '村口的路灯坏了两个月' }], { isFinal: true })] }); this.onend() }, 100) }
      stop() { this.onend && this.onend() }
    }`
    const page = await openAs(session.browser, session.host.url, RESIDENT, '/pages/report/index', speaking)
    await button(page, '说话输入').click()
    await page.waitForFunction(() => (document.querySelector('textarea[placeholder^="发生了什么"]') as HTMLTextAreaElement | null)?.value.includes('村口的路灯坏了两个月'))
    await field(page, '发生了什么').fill('村口的路灯坏了两个月，晚上很黑')
    expect(await field(page, '发生了什么').inputValue()).toBe('村口的路灯坏了两个月，晚上很黑')
    await screenshot(page, 'report-0-voice')

    // Where the phone cannot, there is no button to tap in vain.
    const silent = await openAs(session.browser, session.host.url, RESIDENT, '/pages/report/index', 'delete window.SpeechRecognition; delete window.webkitSpeechRecognition')
    await silent.getByText('4. 说说情况').waitFor()
    expect(await button(silent, '说话输入').count()).toBe(0)
  })

  test('a missing answer is scrolled into view, marked and said', async () => {
    const page = await openAs(session.browser, session.host.url, RESIDENT, '/pages/report/index')
    await page.getByText('反映问题', { exact: true }).click()
    await button(page, '下一步：核对').scrollIntoViewIfNeeded()
    await button(page, '下一步：核对').click()
    // What kind of matter was not chosen: its card comes back into view with the reason under it.
    const category = page.locator('#report-category')
    await category.locator('.error-text').waitFor()
    await page.waitForFunction(() => {
      const box = document.querySelector('#report-category')?.getBoundingClientRect()
      return box !== undefined && box.top >= 0 && box.top < window.innerHeight
    })
    await screenshot(page, 'report-0-missing-answer')
  })

  test('partly solved: only when she says 要 does the level above go on with it', async () => {
    const sent = await api<{ caseId: string }>('intake', aReport({ title: '村里垃圾清运不及时', content: '垃圾桶满了好几天没人收，夏天味道很大。' }), RESIDENT)
    await api('escalation', { action: 'accept', caseId: sent.caseId }, CONVENER)
    await api('escalation', { action: 'resolve', caseId: sent.caseId, outcome: 'partly_solved', resolution: '已清运一次，长期安排还在协调。' }, CONVENER)

    // 我的反映 marks it as waiting for her.
    const list = await openAs(session.browser, session.host.url, RESIDENT, '/pages/my-cases/index')
    await list.locator('.card', { hasText: '村里垃圾清运不及时' }).getByText('办好了，请您评价').waitFor()
    await screenshot(list, 'report-7-waits-for-her')

    const page = await openAs(session.browser, session.host.url, RESIDENT, `/pages/case/index?id=${sent.caseId}`)
    await choose(page, '问题解决了吗？', '部分解决')
    await choose(page, '您满意吗？', '基本满意')
    await page.getByText('要不要让上一级妇联继续办理？').waitFor()
    await choose(page, '要不要让上一级妇联继续办理？', '要，请上一级继续办理')
    await page.getByText('提交后，您的反映会转到上一级妇联继续办理').waitFor()
    await screenshot(page, 'report-8-rate-send-on')
    await button(page, '提交评价').click()
    await page.getByText(/反映人说问题部分解决，请上一级继续办理：转至.*（乡镇\/街道）/).waitFor()
    await page.getByText('待受理', { exact: true }).first().waitFor()
    await screenshot(page, 'report-9-sent-on')
  })
})

/** Taps one answer of one question of the rating card. */
async function choose(page: Page, question: string, answer: string) {
  await page.getByRole('radiogroup', { name: question }).getByText(answer, { exact: true }).click()
}
