/**
 * Days and months as a cadre means them: China time (UTC+8, no daylight saving), whatever zone the
 * server runs in (CloudBase runs functions in UTC). Monthly figures and the hotspots' daily counts
 * are filed under the day or month of the event's own instant.
 */
import { DAY_MS, HOUR_MS, toMs } from './iso-time'

const CHINA_OFFSET_MS = 8 * HOUR_MS

/** A calendar day in China time, "2026-11-30". */
export type ChinaDay = string
/** A calendar month in China time, "2026-11". */
export type ChinaMonth = string

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/
export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/** The China-time day of an instant. */
export const chinaDay = (at: string): ChinaDay => new Date(toMs(at) + CHINA_OFFSET_MS).toISOString().slice(0, 10)

/** The China-time month of an instant. */
export const chinaMonth = (at: string): ChinaMonth => chinaDay(at).slice(0, 7)

/** The day `n` days after `day` (before, for a negative `n`). */
export const addDays = (day: ChinaDay, n: number): ChinaDay =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)

/** daysEnding's recent answers: the early warning asks for the same few ranges on every report. */
const recentRanges = new Map<string, readonly ChinaDay[]>()
const RECENT_RANGES = 16

/**
 * The `n` days that end with `last` (it included), oldest first. Remembered: the early warning asks a
 * submission for ~7 ranges of up to ~100 days (hotspot.rule.ts), which cost a sixth of a submission's
 * CPU computed day by day (bench/profile-submit.ts measured it).
 */
export function daysEnding(last: ChinaDay, n: number): readonly ChinaDay[] {
  const key = `${last}|${n}`
  let days = recentRanges.get(key)
  if (!days) {
    days = Object.freeze(Array.from({ length: Math.max(0, n) }, (_, i) => addDays(last, i - n + 1)))
    if (recentRanges.size >= RECENT_RANGES) recentRanges.clear()
    recentRanges.set(key, days)
  }
  return days
}

/** The instant a China-time day starts (00:00 +08:00), in toISOString form. */
export const dayStart = (day: ChinaDay): string => new Date(`${day}T00:00:00+08:00`).toISOString()

/** The month after `month`. */
export function nextMonth(month: ChinaMonth): ChinaMonth {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}
