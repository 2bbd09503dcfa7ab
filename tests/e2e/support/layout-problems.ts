/**
 * What a woman of sixty would trip over at a large text size, measured on the visible page:
 * - a text block squeezed to a few characters a line (a column too narrow for its words: "待受/理");
 * - a tap target smaller than 44 × 44 CSS px (MIIT's 适老化 floor outside the main functions).
 * Each problem is named by its text, so a failure says where to look.
 */
import type { Page } from 'playwright-core'

export interface LayoutProblems {
  squeezed: string[]
  small: string[]
}

/** A wrapping block whose lines hold fewer characters than this is squeezed. */
const SQUEEZED_CHARS_PER_LINE = 4
const MIN_TARGET_PX = 44
/** What the app makes tappable (Taro renders taps on plain views; these are the classes that carry them). */
const TARGETS = 'taro-button-core, .tap, .choice, .picker-item, [role="radio"], .phone-number, .photo-remove, .taro-tabbar__tabbar-item'

export async function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate(
    ({ squeezedBelow, minTarget, targets }) => {
      const visible = (el: Element) => {
        const box = el.getBoundingClientRect()
        const style = getComputedStyle(el)
        return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && el.closest('[hidden]') === null
      }
      // Taro keeps earlier pages of the stack in the DOM, hidden: only the page on screen counts.
      const onScreen = (el: Element) => visible(el) && (el.closest('.taro_page') === null || getComputedStyle(el.closest('.taro_page')!).display !== 'none')
      const squeezed: string[] = []
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const text = Array.from(el.childNodes)
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim()
        if (text.length < 4 || !onScreen(el)) continue
        const range = document.createRange()
        range.selectNodeContents(el)
        const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size
        // How many characters a line of this block can hold: its width over its font size (CJK
        // characters are one em wide). A block that wraps and holds fewer is a squeezed column.
        const style = getComputedStyle(el)
        const width = el.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
        const perLine = width / parseFloat(style.fontSize)
        if (lines >= 2 && perLine < squeezedBelow) squeezed.push(`${text}（每行 ${perLine.toFixed(1)} 字）`)
      }
      const small: string[] = []
      for (const el of Array.from(document.querySelectorAll(targets))) {
        if (!onScreen(el)) continue
        const box = el.getBoundingClientRect()
        if (box.width < minTarget || box.height < minTarget) {
          small.push(`${(el.textContent ?? '').trim().slice(0, 20) || el.getAttribute('aria-label') || el.className}（${Math.round(box.width)}×${Math.round(box.height)}）`)
        }
      }
      return { squeezed, small }
    },
    { squeezedBelow: SQUEEZED_CHARS_PER_LINE, minTarget: MIN_TARGET_PX, targets: TARGETS },
  )
}
