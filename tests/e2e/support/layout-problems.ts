/**
 * What a woman of sixty would trip over, measured on the visible page:
 * - a text block squeezed to a few characters a line (a column too narrow for its words: "待受/理");
 * - a tap target smaller than MIIT's 适老化 floor: 44 × 44 CSS px, 60 × 60 in 长辈模式;
 * - text smaller than a floor (18 px in 长辈模式), and a block of several lines set tighter than 1.3;
 * - text fainter than WCAG's contrast floor against what is behind it: 4.5:1, or 3:1 for large text
 *   (24 px, or 18.66 px bold), counting the opacity of the text and its boxes and the lighter end of a
 *   gradient behind it.
 * Each problem is named by its text, so a failure says where to look.
 */
import type { Page } from 'playwright-core'

export interface LayoutProblems {
  squeezed: string[]
  small: string[]
  tinyText: string[]
  tightLines: string[]
  lowContrast: string[]
}

export interface Floors {
  /** The smallest tap target, CSS px. */
  minTarget?: number
  /** The smallest text, CSS px; unset: not measured. */
  minText?: number
}

/** A wrapping block whose lines hold fewer characters than this is squeezed. */
const SQUEEZED_CHARS_PER_LINE = 4
/** MIIT's 适老化 line height, for text that runs over more than one line. */
const MIN_LINE_HEIGHT = 1.3
/** What the app makes tappable (Taro renders taps on plain views; these are the classes that carry them). */
const TARGETS = 'taro-button-core, .tap, .choice, .picker-item, [role="radio"], .phone-number, .photo-remove, .weui-tabbar__item, .nut-switch'

export async function layoutProblems(page: Page, floors: Floors = {}): Promise<LayoutProblems> {
  return page.evaluate(
    ({ squeezedBelow, minLineHeight, minTarget, minText, targets }) => {
      const visible = (el: Element) => {
        const box = el.getBoundingClientRect()
        const style = getComputedStyle(el)
        return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && el.closest('[hidden]') === null
      }
      // Taro keeps earlier pages of the stack in the DOM, hidden: only the page on screen counts.
      const onScreen = (el: Element) => visible(el) && (el.closest('.taro_page') === null || getComputedStyle(el.closest('.taro_page')!).display !== 'none')
      const ownText = (el: Element) =>
        Array.from(el.childNodes)
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim()

      type Rgba = [number, number, number, number]
      const parse = (color: string): Rgba | undefined => {
        const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(color)
        return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined
      }
      const over = (top: Rgba, below: Rgba): Rgba => {
        const a = top[3]
        return [top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1]
      }
      const luminance = ([r, g, b]: Rgba) => {
        const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
      }
      const ratio = (a: Rgba, b: Rgba) => {
        const [la, lb] = [luminance(a), luminance(b)]
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
      }
      /** What is painted behind an element: the nearest solid background, or each colour of a gradient. */
      const backdrops = (el: Element): Rgba[] => {
        for (let at: Element | null = el; at; at = at.parentElement) {
          const style = getComputedStyle(at)
          if (style.backgroundImage.includes('gradient')) {
            const stops = style.backgroundImage.match(/rgba?\([^)]*\)/g)?.map(parse).filter((c): c is Rgba => c !== undefined)
            if (stops?.length) return stops
          }
          const bg = parse(style.backgroundColor)
          if (bg && bg[3] > 0) return [bg[3] < 1 ? over(bg, [255, 255, 255, 1]) : bg]
        }
        return [[255, 255, 255, 1]]
      }
      const opacity = (el: Element) => {
        let o = 1
        for (let at: Element | null = el; at; at = at.parentElement) o *= Number(getComputedStyle(at).opacity)
        return o
      }

      const squeezed: string[] = []
      const tinyText: string[] = []
      const tightLines: string[] = []
      const lowContrast: string[] = []
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const text = ownText(el)
        if (!text || !onScreen(el)) continue
        const style = getComputedStyle(el)
        const fontPx = parseFloat(style.fontSize)
        if (minText !== undefined && fontPx < minText - 0.05) tinyText.push(`${text.slice(0, 20)}（${fontPx.toFixed(1)} px）`)

        const color = parse(style.color)
        if (color) {
          const large = fontPx >= 24 || (fontPx >= 18.66 && Number(style.fontWeight) >= 700)
          const floor = large ? 3 : 4.5
          const worst = Math.min(...backdrops(el).map((bg) => ratio(over([color[0], color[1], color[2], color[3] * opacity(el)], bg), bg)))
          if (worst < floor - 0.005) lowContrast.push(`${text.slice(0, 20)}（${worst.toFixed(2)}:1，需 ${floor}:1）`)
        }

        if (text.length < 4) continue
        const range = document.createRange()
        range.selectNodeContents(el)
        const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size
        // 'normal' is the font's own spacing (about 1.45 for Noto Sans CJK): only a set one can be tight.
        const lineHeight = style.lineHeight === 'normal' ? undefined : parseFloat(style.lineHeight) / fontPx
        if (lines >= 2 && lineHeight !== undefined && lineHeight < minLineHeight - 0.005) tightLines.push(`${text.slice(0, 20)}（行高 ${lineHeight.toFixed(2)}）`)
        // How many characters a line of this block can hold: its width over its font size (CJK
        // characters are one em wide). A block that wraps and holds fewer is a squeezed column.
        const width = el.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
        const perLine = width / fontPx
        if (lines >= 2 && perLine < squeezedBelow) squeezed.push(`${text}（每行 ${perLine.toFixed(1)} 字）`)
      }
      const small: string[] = []
      for (const el of Array.from(document.querySelectorAll(targets))) {
        if (!onScreen(el)) continue
        const box = el.getBoundingClientRect()
        if (box.width < minTarget - 0.5 || box.height < minTarget - 0.5) {
          small.push(`${(el.textContent ?? '').trim().slice(0, 20) || el.getAttribute('aria-label') || el.className}（${Math.round(box.width)}×${Math.round(box.height)}）`)
        }
      }
      return { squeezed, small, tinyText, tightLines, lowContrast }
    },
    { squeezedBelow: SQUEEZED_CHARS_PER_LINE, minLineHeight: MIN_LINE_HEIGHT, minTarget: floors.minTarget ?? 44, minText: floors.minText, targets: TARGETS },
  )
}
