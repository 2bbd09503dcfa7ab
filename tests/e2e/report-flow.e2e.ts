/**
 * Platform 1 end to end, on each host (the local one, and the production path: the built bundles on
 * the function runner and the CloudBase emulator): a resident reports with a photo, sees it in
 * 我的反映; the convener accepts it; her timeline shows it; after resolution she rates it. A screenshot
 * of each step (the production path's are named cloud-…).
 */
import type { Page } from 'playwright-core'
import { CONVENER, RESIDENT } from '../support/demo'
import { HOST_KINDS } from '../support/hosts'
import { button, openAs, screenshot as keepScreenshot } from './support/browser'
import { fillReport } from './support/report'
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
    // Her photo is shown from where the host keeps it (the emulated cloud storage on the production path).
    await mine.waitForFunction(() => {
      const photo = document.querySelector('.case-photo img') as HTMLImageElement | null
      return photo !== null && photo.complete && photo.naturalWidth > 0
    })
    await screenshot(mine, 'report-5-accepted')

    await api('escalation', { action: 'resolve', caseId, outcome: 'solved', resolution: '已联系供电所更换路灯。' }, CONVENER)
    await mine.reload()
    await mine.getByText('您对办理结果满意吗？').waitFor()
    await mine.getByText('满意', { exact: true }).click()
    await button(mine, '提交评价').click()
    await mine.getByText('反映人评价：满意').waitFor()
    await mine.getByText('已关闭', { exact: true }).waitFor()
    await screenshot(mine, 'report-6-rated')
  })
})
