/**
 * The built weapp 公告 page (the outreach function's feed) renders her line's announcements — pinned
 * first as the server orders them, the kind and the org on each — and, once shown, tells the server
 * she has seen them (`outreach.markSeen`), which clears the dots on 首页.
 */
import type { Announcement } from '../../types/outreach.contract'
import { bootWeapp, waitForText, WEAPP_ROOT, type CloudStub } from './support/simulate-weapp'

jest.setTimeout(60_000)

const item = (over: Partial<Announcement>): Announcement => ({
  id: 'ann-1',
  kind: 'policy',
  title: '农村妇女“两癌”免费检查开始预约',
  body: '年满 35 岁的农村妇女可到乡镇卫生院预约。',
  pinned: true,
  orgId: '210000',
  orgName: '辽宁省',
  level: 'province',
  publishedAt: '2026-11-20T02:00:00.000Z',
  unread: true,
  retirable: false,
  ...over,
})

test('the weapp 公告 page shows her feed and marks it seen', async () => {
  const cloud: CloudStub = {
    calls: [],
    answer: (name, data) => {
      if (name === 'outreach' && data.action === 'feed') {
        const items = [item({}), item({ id: 'ann-2', kind: 'activity', title: '周日上午包饺子敬老活动', pinned: false, orgId: 'v1', orgName: '蒲河村', level: 'village' })]
        return { ok: true, data: { items, unreadCount: 2, publishesAt: [] } }
      }
      if (name === 'outreach' && data.action === 'markSeen') return { ok: true, data: { seenAt: '2026-12-01T01:00:00.000Z' } }
      if (name === 'account' && data.action === 'me') return { ok: true, data: { openid: 'o-test', name: '赵小红', homeOrgId: 'v1', roles: [], council: null } }
      return { ok: false, error: { code: 'INVALID_INPUT', message: '不支持的操作' } }
    },
  }
  const simulate = bootWeapp(cloud)
  const page = simulate.render(simulate.load(`${WEAPP_ROOT}/pages/announcements/index`, { rootPath: WEAPP_ROOT }))
  page.attach(document.createElement('parent-wrapper'))

  const text = await waitForText(page.dom!, '周日上午包饺子敬老活动')
  expect(text.indexOf('两癌')).toBeLessThan(text.indexOf('包饺子'))
  expect(text).toContain('辽宁省')
  expect(text).toContain('蒲河村')
  await waitForText(page.dom!, '活动')
  expect(cloud.calls.map((c) => `${c.name}.${String(c.data.action)}`)).toEqual(expect.arrayContaining(['outreach.feed', 'outreach.markSeen']))
})
