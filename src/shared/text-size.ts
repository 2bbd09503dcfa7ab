/**
 * 长辈模式 and the text size every page is drawn at. Every size in the app's styles is in rem (Taro's
 * pxtransform, config/index.ts), so one number — the root font size — scales text, spacing and tap
 * targets together, and layouts reflow instead of squeezing (their flex bases are in the same rem).
 *
 * The size follows WeChat's own font setting (`wx.getAppBaseInfo().fontSizeScaleFactor`) until she
 * turns 长辈模式 on or off herself (the switch on 首页 and 我的反映); her choice is kept on the phone.
 */
import { useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'

/**
 * 长辈模式's scale: WeChat's 关怀模式 draws the standard 17 px text at 23.8 px (1.4×). With it, our base
 * text (17 px) is 23.8 px — over MIIT's 18 pt — and our 44 px tap targets become 61.6 px — over 60 pt.
 */
export const ELDER_SCALE = 1.4
/** WeChat's largest font setting is about twice the standard; above that nothing fits a phone. */
const LARGEST_SCALE = 2
const STORAGE_KEY = 'elder-mode'

export type ElderChoice = 'on' | 'off'

export interface TextSize {
  /** 长辈模式 is on (her choice, or WeChat's font setting at 关怀模式 size or larger). */
  elder: boolean
  /** The factor every size is multiplied by. */
  scale: number
}

/** The pure rule: WeChat's factor until she chooses; on is at least ELDER_SCALE, off is the standard size. */
export function textSizeFor(systemScale: number, choice: ElderChoice | undefined): TextSize {
  const system = Math.min(Math.max(systemScale, 1), LARGEST_SCALE)
  const elder = choice === undefined ? system >= ELDER_SCALE : choice === 'on'
  if (elder) return { elder, scale: Math.max(system, ELDER_SCALE) }
  return { elder, scale: choice === 'off' ? 1 : system }
}

/** WeChat's font setting as a factor (1 = standard); the browser's text zoom is left to the browser. */
function systemScale(): number {
  if (process.env.TARO_ENV !== 'weapp') return 1
  try {
    const info = Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number }
    return typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor > 0 ? info.fontSizeScaleFactor : 1
  } catch {
    return 1
  }
}

function storedChoice(): ElderChoice | undefined {
  try {
    const value: unknown = Taro.getStorageSync(STORAGE_KEY)
    return value === 'on' || value === 'off' ? value : undefined
  } catch {
    return undefined
  }
}

let current = textSizeFor(systemScale(), storedChoice())
const listeners = new Set<() => void>()

function become(next: TextSize) {
  if (next.elder === current.elder && next.scale === current.scale) return
  current = next
  applyOnH5(current)
  for (const listener of listeners) listener()
}

/**
 * On H5 the root font size is set by the page's own script (src/index.html), which re-fits it to the
 * window on every resize: it reads the scale from here.
 */
function applyOnH5(size: TextSize) {
  if (process.env.TARO_ENV !== 'h5') return
  const w = window as unknown as { __textScale?: number; __fitRootFont?: () => void }
  w.__textScale = size.scale
  w.__fitRootFont?.()
}
applyOnH5(current)

export function setElderMode(on: boolean) {
  const choice: ElderChoice = on ? 'on' : 'off'
  try {
    Taro.setStorageSync(STORAGE_KEY, choice)
  } catch {
    // A full storage keeps the choice for this visit only.
  }
  become(textSizeFor(systemScale(), choice))
}

/** Read again when a page shows: she may have changed WeChat's font setting while away. */
export function refreshTextSize() {
  become(textSizeFor(systemScale(), storedChoice()))
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useTextSize(): TextSize {
  return useSyncExternalStore(subscribe, () => current)
}

let windowWidth: number | undefined

/**
 * The weapp page's root font size (its `page-meta`): 1 rem is 40 design px of our 750-wide design,
 * as Taro's pxtransform counts, scaled.
 */
export function weappRootFontSize(scale: number): string {
  // Read once, not on every render of every page: a portrait mini-program's window keeps its width.
  windowWidth ??= Taro.getWindowInfo().windowWidth
  return `${((windowWidth * 40) / 750) * scale}px`
}
