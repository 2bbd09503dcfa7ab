/**
 * Feedback that reaches her: a resident reports and allows progress messages; when the convener
 * accepts, the message centre shows it and the dev outbox has the subscription message "sent".
 */
import { CONVENER, RESIDENT } from '../support/demo'
import { button, openAs, screenshot } from './support/browser'
import { fillReport, sendReport } from './support/report'
import { useHostAndPhone } from './support/session'
import { caseNumber } from '../../types/case.contract'

jest.setTimeout(90_000)

const session = useHostAndPhone()

test('she allows messages after reporting; acceptance reaches her message centre and WeChat', async () => {
  const page = await openAs(session.browser, session.host.url, RESIDENT, '/pages/report/index')
  await fillReport(page, { title: '广场舞噪音扰民', content: '晚上十点后广场舞音响还很大，老人孩子睡不好。' })
  await sendReport(page)
  await button(page, '接收进度通知').click()
  await page.getByText('反映处理进度通知').waitFor()
  await screenshot(page, 'notify-1-allow-dialog')
  await button(page, '允许').click()
  await page.getByText('好的，有进展会通知您。').waitFor()

  const { body } = await session.host.post<{ ok: boolean; data: { items: { id: string }[] } }>('/api/intake', { action: 'mine' }, RESIDENT)
  const caseId = body.data.items[0]!.id
  await session.host.post('/api/escalation', { action: 'accept', caseId }, CONVENER)
  await session.host.post('/__dev/tick', {})

  const centre = await openAs(session.browser, session.host.url, RESIDENT, '/pages/messages/index')
  await centre.getByText('反映已受理').waitFor()
  // Grouped under the case it is about: its number and title.
  await centre.getByRole('group', { name: `${caseNumber(caseId)} 广场舞噪音扰民` }).getByText('反映已受理').waitFor()
  await centre.getByText('蒲河村（村/社区）已受理您的反映，正在办理。').waitFor()
  await centre.getByText(/已发送微信通知/).waitFor()
  await screenshot(centre, 'notify-2-message-centre')

  const outbox = await session.host.get<{ kind: string; templateId: string; page: string; data: Record<string, string> }[]>(
    `/__dev/outbox?openid=${RESIDENT}`,
  )
  expect(outbox).toEqual([
    expect.objectContaining({
      kind: 'case_accepted',
      templateId: 'local-case_progress',
      page: `/pages/case/index?id=${caseId}`,
      data: expect.objectContaining({ thing1: `${caseNumber(caseId)} 广场舞噪音扰民`, phrase2: '已受理' }),
    }),
  ])

  await centre.getByText('反映已受理').click()
  await centre.getByText('蒲河村（村/社区）已受理').waitFor()
})
