/**
 * What only the phone does, on built weapp pages: a case's photo taps open WeChat's own viewer
 * (`previewImage`, the whole set, from the one tapped), and the report form offers voice input only
 * where WeChat's 同声传译 plugin was added (this build has none: no button that would fail).
 */
import type { CaseDetail } from '../../types/case.contract'
import { bootWeapp, waitForText, WEAPP_ROOT, type CloudStub } from './support/simulate-weapp'

jest.setTimeout(60_000)

const photoUrls = { 'cloud://env/photos/a.jpg': 'https://tmp.example/a.jpg', 'cloud://env/photos/b.jpg': 'https://tmp.example/b.jpg' }
const detail: CaseDetail = {
  id: 'case-0000-ab12cd34',
  kind: 'problem',
  category: 'governance',
  title: '村口路灯坏了两个月',
  status: 'in_progress',
  level: 'village',
  holderOrgId: 'v1',
  holderOrgName: '蒲河村',
  submittedAt: '2026-11-30T01:00:00.000Z',
  updatedAt: '2026-11-30T02:00:00.000Z',
  acceptBy: '2026-12-02T01:00:00.000Z',
  resolveBy: '2026-12-09T01:00:00.000Z',
  overdue: false,
  redacted: false,
  asOf: '2026-11-30T03:00:00.000Z',
  content: '晚上出门看不见路。',
  villageId: 'v1',
  villageName: '蒲河村',
  anonymous: false,
  mine: true,
  filedOnBehalf: false,
  photos: Object.keys(photoUrls),
  photoUrls,
  timeline: [],
  handBackTargets: [],
  can: { accept: false, resolve: false, escalate: false, handBack: false, assign: false, reply: false, urge: false, takeOver: false, transfer: false, requestExtension: false, decideExtension: false, rate: false, withdraw: false, planTask: false },
}

const previews: unknown[] = []
let simulate: ReturnType<typeof bootWeapp>
beforeAll(() => {
  const cloud: CloudStub = {
    calls: [],
    answer: (name, data) => {
      if (name === 'intake' && data.action === 'get') return { ok: true, data: { case: detail } }
      if (name === 'account' && data.action === 'me') return { ok: true, data: { openid: 'o-test', name: '赵小红', homeOrgId: 'v1', roles: [], council: null } }
      if (name === 'account' && data.action === 'orgs') return { ok: true, data: { orgs: [] } }
      return { ok: false, error: { code: 'INVALID_INPUT', message: '不支持的操作' } }
    },
  }
  simulate = bootWeapp(cloud, {
    previewImage: (options: { current: string; urls: string[]; success?: (r: unknown) => void }) => {
      previews.push({ current: options.current, urls: options.urls })
      options.success?.({ errMsg: 'previewImage:ok' })
    },
  } as never)
})

test('a photo on her case opens WeChat’s viewer at that photo, with the others beside it', async () => {
  const page = simulate.render(simulate.load(`${WEAPP_ROOT}/pages/case/index`, { rootPath: WEAPP_ROOT }))
  page.attach(document.createElement('parent-wrapper'))
  await waitForText(page.dom!, '晚上出门看不见路')
  const photos = page.querySelectorAll('.case-photo')
  expect(photos).toHaveLength(2)
  photos[1]!.dispatchEvent('tap')
  await new Promise((r) => setTimeout(r, 50))
  expect(previews).toEqual([{ current: 'https://tmp.example/b.jpg', urls: ['https://tmp.example/a.jpg', 'https://tmp.example/b.jpg'] }])
})

test('without WeChat’s speech plugin the report form offers no voice button', async () => {
  const page = simulate.render(simulate.load(`${WEAPP_ROOT}/pages/report/index`, { rootPath: WEAPP_ROOT }))
  page.attach(document.createElement('parent-wrapper'))
  const text = await waitForText(page.dom!, '您想')
  expect(text).not.toContain('说话输入')
})
