/**
 * 数据看板's range and drill-down rules (domain/stats.drill.ts, types/stats.contract.ts): which filters
 * a tap may send, which instants a month range covers, the months of a trend and its totals, where a
 * page resumes, which cases stand behind a figure, and how the reader is shown each.
 */
import fc from 'fast-check'
import { CASE_STATUSES, CATEGORIES, LEVELS } from '../../../types/enums'
import { monthSpan, statsContract, TREND_MAX_MONTHS } from '../../../types/stats.contract'
import {
  chinaMonth,
  cursorOf,
  drillVisibility,
  facetHolds,
  facetsNamed,
  isLateOpen,
  monthRange,
  monthsFrom,
  nextMonth,
  parseCursor,
  PRIVATE_TITLE,
  redactCase,
  sumCounters,
  trendOf,
  type MonthlyCounters,
} from '../../../cloudfunctions/_shared/domain'
import { drillIndexOf } from '../../../cloudfunctions/_shared/adapters/case.index'
import { aCase, aChain, cadreAt, convenerOf, holderOf, hoursAfter, step } from '../domain/case.builders'

const monthArb = fc.record({ y: fc.integer({ min: 2024, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`)
const filterArb = fc.record(
  {
    status: fc.constantFrom(...CASE_STATUSES),
    category: fc.constantFrom(...CATEGORIES),
    level: fc.constantFrom(...LEVELS),
    overdue: fc.constant(true as const),
    from: monthArb,
    to: monthArb,
  },
  { requiredKeys: [] },
)

describe('the drill-down filter', () => {
  it('is accepted exactly when it names at most one figure and its months are in order', () => {
    fc.assert(
      fc.property(filterArb, (filter) => {
        const parsed = statsContract.cases.safeParse({ orgId: 'o', filter })
        const ordered = !filter.from || !filter.to || filter.from <= filter.to
        expect(parsed.success).toBe(facetsNamed(filter).length <= 1 && ordered)
      }),
    )
  })

  it('says why in Chinese, and means every case without one', () => {
    const two = statsContract.cases.safeParse({ orgId: 'o', filter: { status: 'pending', category: 'personal' } })
    expect(two.success).toBe(false)
    expect(two.error?.issues[0]?.message).toBe('一次只能查看一项数字背后的反映')
    const backwards = statsContract.cases.safeParse({ orgId: 'o', filter: { from: '2026-06', to: '2026-01' } })
    expect(backwards.error?.issues[0]?.message).toBe('开始月份不能晚于结束月份')
    expect(statsContract.cases.parse({ orgId: 'o' }).filter).toEqual({})
    expect(facetsNamed({})).toEqual([])
    expect(facetsNamed({ level: 'township' })).toEqual([{ kind: 'resolvedAt', level: 'township' }])
  })
})

describe('a month range', () => {
  it('covers an instant exactly when its China-time month is within the range', () => {
    fc.assert(
      fc.property(monthArb, monthArb, fc.integer({ min: Date.parse('2023-12-01T00:00:00Z'), max: Date.parse('2031-02-01T00:00:00Z') }), (a, b, ms) => {
        const [from, to] = a <= b ? [a, b] : [b, a]
        const at = new Date(ms).toISOString()
        const range = monthRange(from, to)
        const inRange = at >= range.from! && at < range.to!
        expect(inRange).toBe(chinaMonth(at) >= from && chinaMonth(at) <= to)
      }),
    )
  })

  it('starts at 00:00 China time on the 1st and leaves either end open when not given', () => {
    expect(monthRange('2026-01', '2026-12')).toEqual({ from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' })
    expect(monthRange(undefined, '2026-06')).toEqual({ to: '2026-06-30T16:00:00.000Z' })
    expect(monthRange()).toEqual({})
  })

  it('lists its months in order, as many as monthSpan counts', () => {
    fc.assert(
      fc.property(monthArb, monthArb, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a]
        const months = monthsFrom(from, to)
        expect(months).toHaveLength(monthSpan(from, to))
        expect(months[0]).toBe(from)
        expect(months.at(-1)).toBe(to)
        for (let i = 1; i < months.length; i++) expect(months[i]).toBe(nextMonth(months[i - 1]!))
      }),
    )
    expect(monthsFrom('2026-03', '2026-01')).toEqual([])
  })

  it('for a trend is at most two years', () => {
    expect(statsContract.trend.safeParse({ orgId: 'o', from: '2025-01', to: '2026-12' }).success).toBe(true)
    expect(monthSpan('2025-01', '2026-12')).toBe(TREND_MAX_MONTHS)
    const long = statsContract.trend.safeParse({ orgId: 'o', from: '2024-12', to: '2026-12' })
    expect(long.error?.issues.map((i) => i.message)).toEqual(['一次最多查看 24 个月'])
    expect(statsContract.trend.safeParse({ orgId: 'o', from: '2026-13', to: '2026-12' }).error?.issues[0]?.message).toBe('月份格式应为 2026-11')
    expect(statsContract.trend.safeParse({ orgId: 'o', to: '2026-12' }).error?.issues[0]?.message).toBe('请选择月份')
  })
})

describe('the trend', () => {
  it('shows each month, zeros for one nothing happened in, and rates of the range from its sums', () => {
    const march: MonthlyCounters = { submitted: 4, accepted: 3, resolved: 1, ratings: 1, 'solved:yes': 1, 'satisfaction:satisfied': 1, acceptDue: 3, acceptedInTime: 3, resolveDue: 1, resolvedOnTime: 1 }
    const may: MonthlyCounters = { submitted: 1, resolved: 3, ratings: 3, 'solved:no': 3, 'satisfaction:unsatisfied': 2, 'satisfaction:basic': 1, resolveDue: 4, resolvedOnTime: 2 }
    const { months, total } = trendOf(['2026-03', '2026-04', '2026-05'], [march, {}, may])
    expect(months.map((m) => [m.month, m.submitted, m.accepted, m.resolved, m.ratings, m.satisfactionRate, m.solveRate, m.onTimeRate, m.responseRate])).toEqual([
      ['2026-03', 4, 3, 1, 1, 1, 1, 1, 1],
      ['2026-04', 0, 0, 0, 0, null, null, null, null],
      ['2026-05', 1, 0, 3, 3, 0.3333, 0, 0.5, null],
    ])
    // Not the mean of 100 % and 33 %: 2 satisfied of 4 ratings.
    expect(total).toEqual({ submitted: 5, accepted: 3, resolved: 4, ratings: 4, satisfactionRate: 0.5, solveRate: 0.25, onTimeRate: 0.6, responseRate: 1 })
  })

  it('sums counter sets key by key', () => {
    const set = fc.dictionary(fc.constantFrom('submitted', 'accepted', 'resolved', 'ratings'), fc.nat({ max: 50 })) as fc.Arbitrary<MonthlyCounters>
    fc.assert(
      fc.property(fc.array(set, { maxLength: 6 }), (sets) => {
        const sum = sumCounters(sets)
        for (const key of ['submitted', 'accepted', 'resolved', 'ratings'] as const) {
          expect(sum[key] ?? 0).toBe(sets.reduce((n, s) => n + (s[key] ?? 0), 0))
        }
      }),
    )
  })
})

describe('a page cursor', () => {
  it('reads back what an answer gave, and nothing made up', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }), fc.string({ minLength: 1, maxLength: 64 }), (date, id) => {
        const cursor = { submittedAt: date.toISOString(), id }
        expect(parseCursor(cursorOf(cursor))).toEqual(cursor)
      }),
    )
    for (const bad of ['', 'abc', '2026-01-01~', 'yesterday~case-1', '2026-01-01T00:00:00Z~case-1']) expect(parseCursor(bad)).toBeNull()
  })
})

describe('the cases behind a figure', () => {
  const pending = aCase().state
  const resolvedAtTownship = aCase({ level: 'township', status: 'resolved' }).state
  const closedAtVillage = aCase({ status: 'closed' }).state
  // The village never accepted it: the sweep sent it up, late, to the township.
  const missed = step({ events: [], state: pending, at: pending.submittedAt }, { type: 'MissDeadline', at: hoursAfter(pending.submittedAt, 25), actor: 'system' }).state

  it('are those the counters count under it: status now, category, the level of the final resolution', () => {
    for (const state of [pending, resolvedAtTownship, closedAtVillage, missed]) {
      for (const status of CASE_STATUSES) expect(facetHolds(state, { kind: 'status', status })).toBe(state.status === status)
      for (const category of CATEGORIES) expect(facetHolds(state, { kind: 'category', category })).toBe(state.category === category)
      expect(facetHolds(state, null)).toBe(true)
    }
    expect(LEVELS.filter((level) => facetHolds(resolvedAtTownship, { kind: 'resolvedAt', level }))).toEqual(['township'])
    expect(LEVELS.filter((level) => facetHolds(closedAtVillage, { kind: 'resolvedAt', level }))).toEqual(['village'])
    expect(LEVELS.filter((level) => facetHolds(pending, { kind: 'resolvedAt', level }))).toEqual([])
  })

  it('超期未办结: still open and late somewhere on the way, until it is resolved', () => {
    expect(missed.level).toBe('township')
    expect([isLateOpen(pending), isLateOpen(missed)]).toEqual([false, true])
    const accepted = step({ events: [], state: missed, at: hoursAfter(missed.updatedAt, 0) }, { type: 'AcceptCase', at: hoursAfter(missed.updatedAt, 1), actor: holderOf(missed) })
    expect(isLateOpen(accepted.state)).toBe(true)
    const resolved = step(accepted, { type: 'ResolveCase', at: hoursAfter(accepted.at, 1), actor: holderOf(missed), outcome: 'solved', resolution: '已解决' })
    expect(isLateOpen(resolved.state)).toBe(false)
  })

  it('are indexed by the same values the rule reads (adapters/case.index.ts)', () => {
    for (const state of [pending, resolvedAtTownship, closedAtVillage, missed]) {
      const index = drillIndexOf(state)
      expect(index.category).toBe(state.category)
      expect(index.lateOpen).toBe(facetHolds(state, { kind: 'overdue' }))
      expect(LEVELS.filter((level) => facetHolds(state, { kind: 'resolvedAt', level }))).toEqual(index.resolvedLevel ? [index.resolvedLevel] : [])
    }
  })
})

describe('how a reader is shown a case behind a figure', () => {
  const chain = aChain()
  const sensitiveAtCounty = aCase({ submit: { category: 'marriage_family' }, level: 'county' }).state
  const openAtCounty = aCase({ submit: { category: 'governance' }, level: 'county' }).state
  const sensitiveAtTownship = aCase({ submit: { category: 'personal' }, level: 'township' }).state

  it('as her case lists do where she may open it', () => {
    expect(drillVisibility(cadreAt('county', chain), sensitiveAtCounty)).toEqual({ visibility: 'full', openable: true })
    expect(drillVisibility(cadreAt('city', chain), sensitiveAtCounty)).toEqual({ visibility: 'full', openable: true })
    expect(drillVisibility(cadreAt('township', chain), sensitiveAtTownship)).toEqual({ visibility: 'full', openable: true })
    // Her village's sensitive case gone up: the convener follows it, without its private text.
    expect(drillVisibility(convenerOf(chain), sensitiveAtTownship)).toEqual({ visibility: 'redacted', openable: true })
  })

  it('as her export does once it has gone past her: a sensitive one redacted, and it does not open', () => {
    const township = cadreAt('township', chain)
    expect(drillVisibility(township, sensitiveAtCounty)).toEqual({ visibility: 'redacted', openable: false })
    expect(redactCase(sensitiveAtCounty, 'redacted')?.title).toBe(PRIVATE_TITLE)
    expect(drillVisibility(township, openAtCounty)).toEqual({ visibility: 'full', openable: false })
  })
})
