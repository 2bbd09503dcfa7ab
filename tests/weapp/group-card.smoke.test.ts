/**
 * The built weapp deliberation page declares its share an updatable message (动态消息) with the
 * server's activity id before she shares: deliberation.shareCard, then wx.updateShareMenu({
 * withShareTicket, isUpdatableMessage, activityId, templateInfo }). The convener sees what the card
 * says and 提醒未投票的成员, which asks the server (not in chat-tool mode: no wx.notifyGroupMembers).
 */
import type { ShareCardView } from '../../types/deliberation.contract'
import { aDeliberation } from './support/deliberation-fixture'
import { bootWeapp, waitForText, WEAPP_ROOT, type CloudStub } from './support/simulate-weapp'
import { waitFor } from '../support/wait-for'

const detail = aDeliberation({
  voted: true,
  counts: [1, 1],
  countsHidden: false,
  groupBound: true,
  roll: [
    { openid: 'o-wang', name: '王秀兰', voted: true },
    { openid: 'o-li', name: '李春梅', voted: true },
    { openid: 'o-zhang', name: '张桂芝', voted: false },
    { openid: 'o-liu', name: '刘淑华', voted: false },
  ],
  can: { vote: true, proxyVote: true, comment: true, close: true, bindGroup: true, share: true, remind: true },
})

const card: ShareCardView = {
  activityId: '966_emu-activity',
  expiresAt: '2026-12-01T01:00:00.000Z',
  templateInfo: { templateId: '21B034D08C5615B9889CE362BB957B1EE69A584B', parameterList: [{ name: 'member_count', value: '2' }, { name: 'room_limit', value: '6' }] },
  card: { phase: 'open', ballots: 2, members: 6, label: '2人已参与' },
}

jest.setTimeout(60_000)

test('before sharing, the page declares the card updatable with the server’s activity id; the convener reminds through the server', async () => {
  const declared: Record<string, unknown>[] = []
  const cloud: CloudStub = {
    calls: [],
    answer: (name, data) => {
      if (name !== 'deliberation') return { ok: false, error: { code: 'INVALID_INPUT', message: '不支持的操作' } }
      if (data.action === 'get') return { ok: true, data: { deliberation: detail } }
      if (data.action === 'shareCard') return { ok: true, data: card }
      if (data.action === 'remindVoters') {
        return { ok: true, data: { reminded: 2, nextAt: '2026-11-30T07:00:00.000Z', chatTool: { title: '村口路灯由谁出资维修', entrancePath: 'council/pages/deliberation/index?id=dlb-1', type: 'participate' } } }
      }
      return { ok: false, error: { code: 'INVALID_INPUT', message: '不支持的操作' } }
    },
  }
  const notified: unknown[] = []
  const simulate = bootWeapp(cloud, {
    updateShareMenu: (options: never) => {
      const { success, complete, fail: _fail, ...rest } = options as Record<string, unknown>
      declared.push(rest)
      ;(success as ((r: unknown) => void) | undefined)?.({ errMsg: 'updateShareMenu:ok' })
      ;(complete as ((r: unknown) => void) | undefined)?.({ errMsg: 'updateShareMenu:ok' })
    },
    notifyGroupMembers: (options: never) => void notified.push(options),
  })
  const id = simulate.load(`${WEAPP_ROOT}/council/pages/deliberation/index`, { rootPath: WEAPP_ROOT })
  const page = simulate.render(id, { id: 'dlb-1' })
  page.attach(document.createElement('parent-wrapper'))

  const text = await waitForText(page.dom!, '现在显示：2人已参与')
  expect(cloud.calls).toContainEqual({ name: 'deliberation', data: expect.objectContaining({ action: 'shareCard' }) })
  expect(declared).toEqual([
    { withShareTicket: true, isUpdatableMessage: true, activityId: '966_emu-activity', templateInfo: card.templateInfo },
  ])
  expect(text).toContain('提醒未投票的成员')

  const remind = page.querySelectorAll('.big-button').find((b) => (b.dom?.textContent ?? '').includes('提醒未投票的成员'))
  expect(remind).toBeDefined()
  remind!.dispatchEvent('tap')
  await waitFor(() => cloud.calls.some((c) => c.data.action === 'remindVoters'), { timeoutMs: 5000, what: () => 'remindVoters to be called' })
  // Not in chat-tool mode: WeChat's @-reminder is not attempted.
  expect(notified).toEqual([])
})
