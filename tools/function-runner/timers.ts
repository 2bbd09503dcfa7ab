/**
 * Timer triggers as the platform fires them: a seven-field cron (seconds, minutes, hours, day, month,
 * weekday, year), in China time, one trigger per function (WeChat's trigger documentation). croner
 * reads the first six fields; the year field is checked at each firing.
 */
import { Cron } from 'croner'

export interface ScheduledTimer {
  stop(): void
  next(): Date | null
}

export function parseCron(expression: string): { sixFields: string; year: string } {
  const fields = expression.trim().split(/\s+/)
  if (fields.length !== 7) throw new Error(`a timer trigger needs seven cron fields: "${expression}"`)
  return { sixFields: fields.slice(0, 6).join(' '), year: fields[6]! }
}

function yearMatches(year: string, date: Date): boolean {
  if (year === '*') return true
  const shanghaiYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(date))
  return year.split(',').some((part) => {
    const [from, to] = part.split('-').map(Number)
    return to === undefined ? shanghaiYear === from : shanghaiYear >= from! && shanghaiYear <= to
  })
}

export function scheduleTimer(expression: string, fire: () => Promise<void>): ScheduledTimer {
  const { sixFields, year } = parseCron(expression)
  // protect: a firing that is still running when the next one is due is skipped, not stacked.
  const job = new Cron(sixFields, { timezone: 'Asia/Shanghai', protect: true }, () => {
    if (yearMatches(year, new Date())) return fire()
  })
  return { stop: () => job.stop(), next: () => job.nextRun() }
}
