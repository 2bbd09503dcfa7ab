/**
 * What only the phone does, on the built weapp home page: every size follows WeChat's font setting
 * (`getAppBaseInfo().fontSizeScaleFactor`) through the page-meta root font size (all sizes are rem),
 * her own 长辈模式 choice wins over it, and the 12338 hotline is one tap to call (`makePhoneCall`), labelled
 * for WeChat's screen reader.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { bootWeapp, waitForText, WEAPP_ROOT, wxmlAttribute, type CloudStub, type WxOverrides } from './support/simulate-weapp'

jest.setTimeout(60_000)

/** The simulator's window is 428 px wide: 1 rem is 40 px of our 750-wide design. */
const STANDARD_ROOT_PX = (428 * 40) / 750

const me = { openid: 'o-test', name: '王秀兰', homeOrgId: 'v1', roles: [], council: null }

type Rendered = ReturnType<ReturnType<typeof bootWeapp>['render']>

/** The phone under test: WeChat's font setting, what is in storage, the numbers it was asked to call. */
const phone = { fontSizeScaleFactor: undefined as number | undefined, stored: new Map<string, unknown>(), called: [] as string[] }
let simulate: ReturnType<typeof bootWeapp>
let home: string
beforeAll(() => {
  const cloud: CloudStub = {
    calls: [],
    answer: (name, data) => (name === 'account' && data.action === 'me' ? { ok: true, data: me } : { ok: false, error: { code: 'INVALID_INPUT', message: '不支持的操作' } }),
  }
  simulate = bootWeapp(cloud, {
    getAppBaseInfo: () => ({ SDKVersion: '3.7.8', fontSizeScaleFactor: phone.fontSizeScaleFactor }),
    getStorageSync: (key: string) => phone.stored.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void phone.stored.set(key, value),
    makePhoneCall: (options: { phoneNumber: string; success?: (r: unknown) => void }) => {
      phone.called.push(options.phoneNumber)
      options.success?.({ errMsg: 'makePhoneCall:ok' })
    },
  } as WxOverrides)
  home = simulate.load(`${WEAPP_ROOT}/pages/home/index`, { rootPath: WEAPP_ROOT })
})
beforeEach(() => {
  phone.fontSizeScaleFactor = undefined
  phone.stored.clear()
  phone.called = []
})

/** The home page as the phone opens it: it reads the text size when it shows. */
function openHome(): Rendered {
  const page = simulate.render(home)
  page.attach(document.createElement('parent-wrapper'))
  return page
}

/** The page's root font size, as its page-meta is bound in the page's WXML. */
function rootFontSize(page: Rendered): number {
  const wxml = readFileSync(resolve(WEAPP_ROOT, 'pages/home/index.wxml'), 'utf8')
  const alias = /root-font-size="\{\{pageMeta\.(\w+)/.exec(wxml)?.[1]
  expect(alias).toBeDefined()
  const meta = (page as unknown as { data: { pageMeta?: Record<string, string> } }).data.pageMeta
  return parseFloat(meta?.[alias!] ?? 'NaN')
}

test('at the standard setting 1 rem is 40 px of the design', async () => {
  const page = openHome()
  await waitForText(page.dom!, '打开后，字和按钮都会放大')
  expect(rootFontSize(page)).toBeCloseTo(STANDARD_ROOT_PX, 3)
})

test('WeChat at 关怀模式 size or larger opens the app in 长辈模式, at WeChat’s size', async () => {
  phone.fontSizeScaleFactor = 1.6
  const page = openHome()
  await waitForText(page.dom!, '字和按钮已放大')
  expect(rootFontSize(page)).toBeCloseTo(STANDARD_ROOT_PX * 1.6, 3)
})

test('her own choice wins over WeChat’s setting', async () => {
  phone.fontSizeScaleFactor = 1.6
  phone.stored.set('elder-mode', 'off')
  const page = openHome()
  await waitForText(page.dom!, '打开后，字和按钮都会放大')
  expect(rootFontSize(page)).toBeCloseTo(STANDARD_ROOT_PX, 3)
})

test('the hotline is one tap to call', async () => {
  const page = openHome()
  await waitForText(page.dom!, '12338')
  const hotline = page.querySelector('.phone-number')
  expect(hotline).toBeDefined()
  hotline!.dispatchEvent('tap')
  await new Promise((r) => setTimeout(r, 50))
  expect(phone.called).toEqual(['12338'])
  // And a screen reader says what the tap does (config/weapp-templates.ts carries aria-label to WXML).
  const number = Array.from(page.dom!.querySelectorAll('wx-text')).find((el) => el.textContent === '12338')!
  expect(wxmlAttribute(page, number, 'aria-label')).toBe('拨打 12338')
})

test('every page of the built app carries a page-meta for its root font size', () => {
  const app = JSON.parse(readFileSync(resolve(WEAPP_ROOT, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((sub) => sub.pages.map((p) => `${sub.root}/${p}`))]
  const without = pages.filter((p) => !/<page-meta [^>]*root-font-size=/.test(readFileSync(resolve(WEAPP_ROOT, `${p}.wxml`), 'utf8')))
  expect(pages.length).toBeGreaterThan(10)
  expect(without).toEqual([])
  // Nor a navigation-bar inside it, whose defaults would blank the title app.json sets.
  expect(pages.filter((p) => readFileSync(resolve(WEAPP_ROOT, `${p}.wxml`), 'utf8').includes('<navigation-bar'))).toEqual([])
})
