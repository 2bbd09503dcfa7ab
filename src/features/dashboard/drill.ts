/**
 * A tap from a figure of 数据看板 to the cases behind it: the list page's address, read back, and what
 * its heading says (which figure, which months). Months are China time ("2026-06"), as the server's.
 */
import { CASE_STATUS_LABELS, CATEGORY_LABELS, LEVEL_LABELS, type DrillFilter } from '../../../types'
import { monthLabel, shiftMonth } from './months'

export const CASES_PAGE = '/federation/pages/cases/index'

/** A month range; both ends counted. */
export interface MonthRange {
  from: string
  to: string
}

/** What the dashboard shows at first: the last six months, this one included. */
export const defaultRange = (latest: string): MonthRange => ({ from: shiftMonth(latest, -5), to: latest })

/** "2026年6月至11月" (the year again only when it changes), "2026年11月" for one month. */
export function rangeLabel({ from, to }: MonthRange): string {
  if (from === to) return monthLabel(from)
  const sameYear = from.slice(0, 4) === to.slice(0, 4)
  return `${monthLabel(from)}至${sameYear ? `${Number(to.slice(5, 7))}月` : monthLabel(to)}`
}

export type Figure = Omit<DrillFilter, 'from' | 'to'>

/**
 * The list page's address for a figure: `range` is applied; `offer` is the dashboard's range, which the
 * page offers as a choice when a figure of 截至今天 opened it without one.
 */
export function casesUrl(orgId: string, figure: Figure, range?: MonthRange, offer?: MonthRange): string {
  const params: [string, string][] = [['orgId', orgId]]
  if (figure.status) params.push(['status', figure.status])
  if (figure.category) params.push(['category', figure.category])
  if (figure.level) params.push(['level', figure.level])
  if (figure.overdue) params.push(['overdue', '1'])
  if (range) params.push(['from', range.from], ['to', range.to])
  if (offer) params.push(['offerFrom', offer.from], ['offerTo', offer.to])
  return `${CASES_PAGE}?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`
}

type Params = Partial<Record<string, string>>

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
const rangeOf = (from?: string, to?: string): MonthRange | undefined =>
  from && to && MONTH.test(from) && MONTH.test(to) && from <= to ? { from, to } : undefined

/** The figure, its range and the range on offer, from the page's address (what casesUrl wrote). */
export function readCasesParams(params: Params): { orgId?: string; figure: Figure; range?: MonthRange; offer?: MonthRange } {
  const figure: Figure = {}
  if (params.status && params.status in CASE_STATUS_LABELS) figure.status = params.status as Figure['status']
  else if (params.category && params.category in CATEGORY_LABELS) figure.category = params.category as Figure['category']
  else if (params.level && params.level in LEVEL_LABELS) figure.level = params.level as Figure['level']
  else if (params.overdue === '1') figure.overdue = true
  const range = rangeOf(params.from, params.to)
  const offer = rangeOf(params.offerFrom, params.offerTo)
  return { ...(params.orgId && { orgId: params.orgId }), figure, ...(range && { range }), ...(offer && { offer }) }
}

/** Which figure, in words: 待受理的反映, 「婚姻家庭权益」类反映, 在乡镇/街道办结的反映, … */
export function figureTitle(figure: Figure): string {
  if (figure.status) return `${CASE_STATUS_LABELS[figure.status]}的反映`
  if (figure.category) return `「${CATEGORY_LABELS[figure.category]}」类反映`
  if (figure.level) return `在${LEVEL_LABELS[figure.level]}办结的反映`
  if (figure.overdue) return '超期未办结的反映'
  return '全部反映'
}

/** Which months, in words. */
export const rangeLine = (range?: MonthRange): string => (range ? `${rangeLabel(range)}提交的` : '全部时间提交的（截至今天）')

/** What an empty list means, in words. */
export function emptyLine(figure: Figure, range?: MonthRange): string {
  const when = range ? `${rangeLabel(range)}` : '到今天为止'
  const title = figureTitle(figure)
  if (title === '全部反映') return `${when}，下辖单位没有群众提交反映。`
  return `${when}提交的反映中，没有${title.replace(/的反映$|反映$/, '')}的。`
}
