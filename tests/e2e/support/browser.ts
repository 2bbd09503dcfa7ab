/**
 * Debian's chromium driven by playwright-core (never a downloaded browser). A phone-sized viewport,
 * Chinese locale; each flow keeps screenshots under test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SCREENSHOTS = join('test-results', 'screenshots')

export async function launchPhone(options: { fontScale?: number } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'fulian-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.fontScale ? [`--force-device-scale-factor=${options.fontScale}`] : []),
    ],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
}

/** Opens a page of the H5 app as a demo persona. */
export async function openAs(
  context: BrowserContext,
  baseUrl: string,
  openid: string,
  route = '/pages/home/index',
  /** A script run in the page before the app's own (what the phone offers it, e.g. speech recognition). */
  beforeApp?: string,
): Promise<Page> {
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  if (beforeApp) await page.addInitScript(beforeApp)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  ERRORS.set(page, errors)
  await page.goto(`${baseUrl}/?as=${encodeURIComponent(openid)}#${route}`)
  return page
}

const ERRORS = new WeakMap<Page, string[]>()

/** What the page threw or logged as an error since it was opened (a failed request it showed aside). */
export const pageErrors = (page: Page): string[] => (ERRORS.get(page) ?? []).filter((e) => !e.startsWith('Failed to load resource'))

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/** The real input (or textarea) inside a Taro form component, found by the start of its placeholder. */
export function field(page: Page, placeholderStart: string) {
  return page.locator(`input[placeholder^="${placeholderStart}"], textarea[placeholder^="${placeholderStart}"]`)
}

/** A button by its text (NutUI buttons render as taro-button-core, whose inner text gets no clicks). */
export function button(page: Page, text: string) {
  return page.locator('taro-button-core').filter({ hasText: text })
}

/**
 * Draws the page at `scale` times the standard text size the way WeChat's font setting reaches the
 * H5 app (src/index.html's root font size, which every size is in rem of), so a later re-fit — a
 * resize — keeps it; then waits until a frame is painted at that size.
 */
export async function atTextScale(page: Page, scale: number): Promise<void> {
  const size = await page.evaluate((s) => {
    const w = window as unknown as { __textScale?: number; __fitRootFont?: () => void }
    w.__textScale = s
    w.__fitRootFont?.()
    return getComputedStyle(document.documentElement).fontSize
  }, scale)
  await page.waitForFunction((px) => getComputedStyle(document.documentElement).fontSize === px, size)
  await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))))
}
