/**
 * The built weapp deliberation page (council subpackage) loads in a mini-program simulator and shows
 * a deliberation from `deliberation.get`: its options, turnout against quorum, the time left.
 */
import { aDeliberation } from './support/deliberation-fixture'
import { bootWeapp, waitForText, WEAPP_ROOT, type CloudStub } from './support/simulate-weapp'

const detail = aDeliberation()

jest.setTimeout(60_000)

test('the weapp deliberation page renders a deliberation from deliberation.get', async () => {
  const cloud: CloudStub = {
    calls: [],
    answer: (name, data) =>
      name === 'deliberation' && data.action === 'get'
        ? { ok: true, data: { deliberation: detail } }
        : { ok: false, error: { code: 'INVALID_INPUT', message: '不支持的操作' } },
  }
  const simulate = bootWeapp(cloud)
  const id = simulate.load(`${WEAPP_ROOT}/council/pages/deliberation/index`, { rootPath: WEAPP_ROOT })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))

  // Counted from the server's asOf (2026), not the machine's clock; the countdown ticks on from the
  // moment the answer arrived, so by the time it is read a little of the last hour may be gone.
  const text = await waitForText(page.dom!, '还剩 3 天')
  expect(text).toContain('村口路灯由谁出资维修')
  expect(text).toContain('申请镇里专项资金')
  expect(text).toContain('已投票 2 / 6 人，需 4 人')
  expect(text).toContain('投票后可以看到各选项的票数')
  expect(cloud.calls).toContainEqual({ name: 'deliberation', data: expect.objectContaining({ action: 'get' }) })
})
