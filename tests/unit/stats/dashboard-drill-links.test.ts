/** 数据看板's taps as addresses (src/features/dashboard/drill.ts): a figure and its months survive the trip to 反映明细, and its heading says them. */
import fc from 'fast-check'
import { CASE_STATUSES, CATEGORIES, LEVELS } from '../../../types/enums'
import { casesUrl, defaultRange, emptyLine, figureTitle, rangeLabel, rangeLine, readCasesParams, type Figure } from '../../../src/features/dashboard/drill'

const monthArb = fc.record({ y: fc.integer({ min: 2024, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`)
const rangeArb = fc.tuple(monthArb, monthArb).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }))
const figureArb: fc.Arbitrary<Figure> = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...CASE_STATUSES).map((status) => ({ status })),
  fc.constantFrom(...CATEGORIES).map((category) => ({ category })),
  fc.constantFrom(...LEVELS).map((level) => ({ level })),
  fc.constant({ overdue: true as const }),
)
const paramsOf = (url: string) => Object.fromEntries(new URLSearchParams(url.split('?')[1]))

test('a figure, its months and the months on offer come back as they were sent', () => {
  fc.assert(
    fc.property(figureArb, fc.option(rangeArb, { nil: undefined }), fc.option(rangeArb, { nil: undefined }), (figure, range, offer) => {
      const url = casesUrl('210113001', figure, range, offer)
      expect(url.startsWith('/federation/pages/cases/index?orgId=210113001')).toBe(true)
      expect(readCasesParams(paramsOf(url))).toEqual({ orgId: '210113001', figure, ...(range && { range }), ...(offer && { offer }) })
    }),
  )
  // What the address may not make up: an unknown figure, months out of order.
  expect(readCasesParams({ orgId: 'o', status: 'lost', from: '2026-06', to: '2026-01' })).toEqual({ orgId: 'o', figure: {} })
})

test('the heading and the empty list say which figure and which months', () => {
  expect(defaultRange('2026-02')).toEqual({ from: '2025-09', to: '2026-02' })
  expect(rangeLabel({ from: '2026-06', to: '2026-11' })).toBe('2026年6月至11月')
  expect(rangeLabel({ from: '2025-09', to: '2026-02' })).toBe('2025年9月至2026年2月')
  expect(rangeLabel({ from: '2026-11', to: '2026-11' })).toBe('2026年11月')
  expect([{ status: 'pending' }, { category: 'personal' }, { level: 'township' }, { overdue: true }, {}].map((f) => figureTitle(f as Figure))).toEqual([
    '待受理的反映',
    '「人身权益」类反映',
    '在乡镇/街道办结的反映',
    '超期未办结的反映',
    '全部反映',
  ])
  expect(rangeLine()).toBe('全部时间提交的（截至今天）')
  expect(rangeLine({ from: '2026-06', to: '2026-11' })).toBe('2026年6月至11月提交的')
  expect(emptyLine({ level: 'province' })).toBe('到今天为止提交的反映中，没有在省办结的。')
  expect(emptyLine({ status: 'pending' }, { from: '2026-06', to: '2026-11' })).toBe('2026年6月至11月提交的反映中，没有待受理的。')
  expect(emptyLine({}, { from: '2026-06', to: '2026-11' })).toBe('2026年6月至11月，下辖单位没有群众提交反映。')
})
