/** How a case's state reads on screen: status chips, running deadlines, dates (the council's too). */
import type { CaseStatus } from '../../types'

export const STATUS_TONE: Record<CaseStatus, 'warn' | 'brand' | 'ok' | 'muted'> = {
  pending: 'warn',
  in_progress: 'brand',
  resolved: 'ok',
  closed: 'muted',
  withdrawn: 'muted',
}

const HOUR = 3_600_000

/** "还剩 3 天" / "还剩 5 小时" / "已超期 2 天", counted from the server's now. */
export function remaining(deadline: string, now: string): string {
  const left = Date.parse(deadline) - Date.parse(now)
  const hours = Math.abs(left) / HOUR
  // Under two days, hours say more than "1 天" does.
  const amount = hours >= 48 ? `${Math.floor(hours / 24)} 天` : `${Math.max(1, Math.floor(hours))} 小时`
  return left >= 0 ? `还剩 ${amount}` : `已超期 ${amount}`
}

/** The deadline that matters now: acceptance while pending, resolution once accepted. */
export function runningDeadline(c: { status: CaseStatus; acceptBy: string; resolveBy: string }) {
  if (c.status === 'pending') return { label: '受理期限', at: c.acceptBy }
  if (c.status === 'in_progress') return { label: '办结期限', at: c.resolveBy }
  return null
}

/** 2026年11月30日 09:00 in China time, whatever the phone's zone; given `now`, the year only when it is not now's. */
export function formatTime(iso: string, now?: string): string {
  const china = new Date(Date.parse(iso) + 8 * HOUR)
  const pad = (n: number) => String(n).padStart(2, '0')
  const sameYear = now !== undefined && new Date(Date.parse(now) + 8 * HOUR).getUTCFullYear() === china.getUTCFullYear()
  return `${sameYear ? '' : `${china.getUTCFullYear()}年`}${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`
}

/** The number a case goes by on screen, the same as in the CSV and her messages. */
export { caseNumber } from '../../types'
