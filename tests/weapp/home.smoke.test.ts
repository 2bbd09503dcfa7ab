/** The built weapp home page loads in a mini-program simulator and greets the caller from `account.me`. */
import { bootWeapp, waitForText, WEAPP_ROOT, type CloudStub } from './support/simulate-weapp'

jest.setTimeout(60_000)

test('the weapp home page renders the caller from account.me', async () => {
  const cloud: CloudStub = {
    calls: [],
    answer: (name, data) =>
      name === 'account' && data.action === 'me'
        ? {
            ok: true,
            data: {
              openid: 'o-test',
              name: '王秀兰',
              homeOrgId: 'v1',
              roles: [{ role: 'convener', orgId: 'v1', orgName: '蒲河村', level: 'village' }],
            },
          }
        : { ok: false, error: { code: 'INVALID_INPUT', message: '不支持的操作' } },
  }
  const simulate = bootWeapp(cloud)
  const id = simulate.load(`${WEAPP_ROOT}/pages/home/index`, { rootPath: WEAPP_ROOT })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))

  const text = await waitForText(page.dom!, '王秀兰')
  expect(text).toContain('议事会主任 · 蒲河村（村/社区）')
  expect(text).toContain('我要反映')
  expect(cloud.calls).toContainEqual({ name: 'account', data: { action: 'me' } })
})
