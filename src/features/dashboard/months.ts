/** Months as the scorecard counts them: China time, "2026-11", shown as 2026年11月. */
const CHINA = 8 * 3_600_000

/** The China-time month of an instant. */
export const chinaMonthOf = (iso: string) => new Date(Date.parse(iso) + CHINA).toISOString().slice(0, 7)

export function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/** The month `n` months after `month` (before, for a negative `n`). */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The `count` months ending with `latest`, the newest first: what the month picker offers. */
export const monthsUpTo = (latest: string, count: number) => Array.from({ length: count }, (_, i) => shiftMonth(latest, -i))

/** "12月1日" for a China-time day "2026-12-01". */
export function dayLabel(day: string): string {
  const [, m, d] = day.split('-')
  return `${Number(m)}月${Number(d)}日`
}
