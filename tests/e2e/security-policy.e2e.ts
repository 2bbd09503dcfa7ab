/**
 * The H5 app under the hosts' Content-Security-Policy (cloudfunctions/_local/security-headers.ts), on
 * each host: every page a person reaches loads, a photo is picked, previewed from its blob: URL, read
 * back and uploaded, and shown on the case page (from /files locally, from the emulated storage's temp
 * URL on the production path), and the browser reports no violation of the policy on the way.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { CONVENER, PROVINCE_CADRE, RESIDENT } from '../support/demo'
import { HOST_KINDS } from '../support/hosts'
import { button, openAs } from './support/browser'
import { fillReport, sendReport } from './support/report'
import { useHostAndPhone } from './support/session'

jest.setTimeout(120_000)

declare global {
  interface Window {
    __cspViolations?: string[]
  }
}

/** Every violation the browser reports, as the page saw it (the event) and as the console said it. */
function watchPolicy(browser: BrowserContext): { violations: string[]; pages: Page[] } {
  const watched = { violations: [] as string[], pages: [] as Page[] }
  void browser.addInitScript(() => {
    window.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__cspViolations!.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`),
    )
  })
  browser.on('page', (page) => {
    watched.pages.push(page)
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) watched.violations.push(message.text())
    })
  })
  return watched
}

async function violationsIn(pages: Page[]): Promise<string[]> {
  const found: string[] = []
  for (const page of pages) if (!page.isClosed()) found.push(...(await page.evaluate(() => window.__cspViolations ?? [])))
  return found
}

describe.each(HOST_KINDS)('%s host', (kind) => {
  const session = useHostAndPhone(kind)
  let watched: ReturnType<typeof watchPolicy>
  beforeAll(() => {
    watched = watchPolicy(session.browser)
  })

  test('the app loads, uploads and shows a photo with no CSP violation', async () => {
    const report = await openAs(session.browser, session.host.url, RESIDENT, '/pages/report/index')
    await fillReport(report, { title: '村口垃圾没人清', content: '村口的垃圾堆了一个星期没人清运，气味很大。', photo: true })
    await sendReport(report)
    await button(report, '查看办理进度').click()
    await report.getByText('反映已提交，由蒲河村（村/社区）议事会受理').waitFor()
    await report.waitForFunction(() => {
      const photo = document.querySelector('.case-photo img') as HTMLImageElement | null
      return photo !== null && photo.complete && photo.naturalWidth > 0
    })

    // Each page with something it shows once it has loaded (Taro keeps earlier pages in the DOM, hidden).
    const visits: [string, string, string][] = [
      [RESIDENT, '/pages/home/index', 'text=我要反映'],
      [RESIDENT, '/pages/my-cases/index', 'text=村口垃圾没人清'],
      [RESIDENT, '/pages/messages/index', '.message-title, .empty-title'],
      [RESIDENT, '/pages/privacy/index', '.privacy-line'],
      [CONVENER, '/federation/pages/inbox/index', 'text=村口垃圾没人清'],
      [CONVENER, '/council/pages/inbox/index', '.council-row-title, .empty-title'],
      [PROVINCE_CADRE, '/federation/pages/dashboard/index', 'text=辽宁省（省）'],
    ]
    for (const [openid, route, shown] of visits) {
      const page = await openAs(session.browser, session.host.url, openid, route)
      await page.locator(shown).locator('visible=true').first().waitFor()
    }

    expect([...watched.violations, ...(await violationsIn(watched.pages))]).toEqual([])
    for (const page of watched.pages) await page.close()
  })
})
