/**
 * The early warning's rules (domain/hotspot.rule.ts): the daily counts a report adds, 多地同类 (the
 * same category in ≥ 3 child orgs of one org within 14 days), 本村激增 (a village at ≥ 3× its 90-day
 * average), and one alert per window. Properties: whatever the order the reports arrive in, each
 * alert is raised once, and exactly the alerts the final counts call for are raised.
 */
import fc from 'fast-check'
import { LEVELS, type Category } from '../../../types/enums'
import {
  DEFAULT_STATS_POLICY,
  addDays,
  chinaDay,
  findHotspots,
  hotspotReads,
  reportDeltas,
  slotOf,
  stepAlert,
  type Chain,
  type HotspotAlert,
  type HotspotPolicy,
  type PeriodDelta,
} from '../../../cloudfunctions/_shared/domain'
import { T0, aChain, aSubmittedCase, daysAfter, hoursAfter } from './case.builders'

const policy = DEFAULT_STATS_POLICY.hotspots

/** Daily sets in memory, as the store keeps them. */
class Days {
  private sets = new Map<string, Record<string, number>>()
  add(rows: readonly PeriodDelta[]) {
    for (const { orgId, period, deltas } of rows) {
      const into = this.sets.get(`${period}:${orgId}`) ?? {}
      for (const [k, n] of Object.entries(deltas)) into[k] = (into[k] ?? 0) + n
      this.sets.set(`${period}:${orgId}`, into)
    }
  }
  counts = (orgId: string, day: string) => this.sets.get(`${day}:${orgId}`) ?? {}
  /** Files a report of `category` in `chain`'s village at `at`. */
  report(chain: Chain, category: Category, at: string, id = `case-${Math.random()}`) {
    this.add(reportDeltas(aSubmittedCase({ chain, category, at, caseId: id }).events))
  }
}

const village = (n: number, township = 't-1'): Chain => aChain({ village: `v-${township}-${n}`, township })

describe('reportDeltas', () => {
  it('adds the category for every org on the chain, and the child it came through above the village', () => {
    const { events } = aSubmittedCase({ category: 'labor_social', at: '2025-03-02T17:00:00.000Z' }) // 01:00 on the 3rd in China
    expect(reportDeltas(events)).toEqual([
      { orgId: 'v-hemu', period: '2025-03-03', deltas: { 'reported:labor_social': 1 } },
      { orgId: 't-xianlin', period: '2025-03-03', deltas: { 'reported:labor_social': 1, 'reported:labor_social:v-hemu': 1 } },
      { orgId: 'c-qixia', period: '2025-03-03', deltas: { 'reported:labor_social': 1, 'reported:labor_social:t-xianlin': 1 } },
      { orgId: 'ci-nanjing', period: '2025-03-03', deltas: { 'reported:labor_social': 1, 'reported:labor_social:c-qixia': 1 } },
      { orgId: 'p-jiangsu', period: '2025-03-03', deltas: { 'reported:labor_social': 1, 'reported:labor_social:ci-nanjing': 1 } },
    ])
  })

  it('asks for the village’s window and baseline, and each org above for its window', () => {
    const reads = hotspotReads(aChain(), '2025-03-20', policy)
    expect(reads.filter((r) => r.orgId === 'v-hemu')).toHaveLength(14 + 90)
    expect(reads.filter((r) => r.orgId === 't-xianlin').map((r) => r.period)).toEqual(
      Array.from({ length: 14 }, (_, i) => addDays('2025-03-07', i)),
    )
    expect(reads).toHaveLength(104 + 4 * 14)
  })
})

describe('多地同类 (spread)', () => {
  it('fires at the township when 3 of its villages report the same category within 14 days', () => {
    const days = new Days()
    days.report(village(1), 'labor_social', T0)
    days.report(village(2), 'labor_social', daysAfter(T0, 6))
    days.report(village(2), 'labor_social', daysAfter(T0, 7))
    expect(findHotspots(village(2), 'labor_social', chinaDay(daysAfter(T0, 7)), days.counts, policy)).toEqual([])
    days.report(village(3), 'labor_social', daysAfter(T0, 13))
    expect(findHotspots(village(3), 'labor_social', chinaDay(daysAfter(T0, 13)), days.counts, policy)).toEqual([
      { rule: 'spread', orgId: 't-1', level: 'township', category: 'labor_social', children: ['v-t-1-1', 'v-t-1-2', 'v-t-1-3'], cases: 4, since: '2025-03-03' },
    ])
  })

  it('does not fire for another category, nor once the first report has left the window', () => {
    const days = new Days()
    days.report(village(1), 'labor_social', T0)
    days.report(village(2), 'labor_social', daysAfter(T0, 1))
    days.report(village(3), 'governance', daysAfter(T0, 2))
    expect(findHotspots(village(3), 'governance', chinaDay(daysAfter(T0, 2)), days.counts, policy)).toEqual([])
    days.report(village(3), 'labor_social', daysAfter(T0, 14)) // T0's day is the 15th day back
    expect(findHotspots(village(3), 'labor_social', chinaDay(daysAfter(T0, 14)), days.counts, policy)).toEqual([])
  })

  it('fires at the county for 3 of its townships, and so on up', () => {
    const days = new Days()
    for (const t of ['t-1', 't-2', 't-3']) days.report(village(1, t), 'property', hoursAfter(T0, 1))
    const found = findHotspots(village(1, 't-3'), 'property', chinaDay(T0), days.counts, policy)
    expect(found.map((f) => [f.rule, f.level, f.orgId, f.children])).toEqual([['spread', 'county', 'c-qixia', ['t-1', 't-2', 't-3']]])
  })

  it('takes its threshold per level from the policy', () => {
    const days = new Days()
    days.report(village(1), 'other', T0)
    days.report(village(2), 'other', T0)
    const two: HotspotPolicy = { ...policy, minChildren: { ...policy.minChildren, township: 2 } }
    expect(findHotspots(village(2), 'other', chinaDay(T0), days.counts, two).map((f) => f.orgId)).toEqual(['t-1'])
  })
})

describe('本村激增 (surge)', () => {
  it('fires when a village reports ≥ 3× its usual number for 14 days (its 90-day average), at least 3', () => {
    const days = new Days()
    const today = daysAfter(T0, 120)
    // 6 in the 90 days before the window: usually 6 × 14 / 90 ≈ 0.9 in 14 days.
    for (let i = 0; i < 6; i++) days.report(aChain(), 'marriage_family', daysAfter(T0, 20 + i * 14))
    days.report(aChain(), 'marriage_family', daysAfter(today, -3))
    days.report(aChain(), 'marriage_family', daysAfter(today, -1))
    expect(findHotspots(aChain(), 'marriage_family', chinaDay(today), days.counts, policy)).toEqual([])
    days.report(aChain(), 'marriage_family', today)
    expect(findHotspots(aChain(), 'marriage_family', chinaDay(today), days.counts, policy)).toEqual([
      { rule: 'surge', orgId: 'v-hemu', level: 'village', category: 'marriage_family', children: [], cases: 3, since: chinaDay(daysAfter(today, -3)), usual: 0.9 },
    ])
  })

  it('does not fire for a village that is always this busy', () => {
    const days = new Days()
    const today = daysAfter(T0, 120)
    for (let i = 0; i < 30; i++) days.report(aChain(), 'governance', daysAfter(T0, 16 + i * 3)) // ~4.7 per 14 days
    for (let i = 0; i < 10; i++) days.report(aChain(), 'governance', hoursAfter(today, -i))
    expect(findHotspots(aChain(), 'governance', chinaDay(today), days.counts, policy)).toEqual([])
    for (let i = 0; i < 5; i++) days.report(aChain(), 'governance', hoursAfter(today, -i))
    expect(findHotspots(aChain(), 'governance', chinaDay(today), days.counts, policy).map((f) => f.rule)).toEqual(['surge'])
  })
})

describe('stepAlert: once per alert', () => {
  const days = new Days()
  for (const n of [1, 2, 3]) days.report(village(n), 'labor_social', hoursAfter(T0, n))
  const [finding] = findHotspots(village(3), 'labor_social', chinaDay(T0), days.counts, policy)
  const raise = (current: HotspotAlert | null, now: string, caseIds = ['c-3']) => stepAlert(current, finding!, { chain: village(3), caseIds, now }, policy)

  it('raises an alert that lives for the window, keyed by rule, org, category and its first day', () => {
    const step = raise(null, hoursAfter(T0, 4))
    expect(step).toEqual({
      kind: 'raise',
      alert: expect.objectContaining({
        slot: 'spread:t-1:labor_social',
        key: 'spread:t-1:labor_social:2025-03-03',
        orgPath: ['p-jiangsu', 'ci-nanjing', 'c-qixia', 't-1'],
        raisedAt: hoursAfter(T0, 4),
        liveUntil: daysAfter(hoursAfter(T0, 4), 14),
        caseIds: ['c-3'],
      }),
    })
  })

  it('while it lives, a finding refreshes it (no new alert), and nothing when nothing is new', () => {
    const live = (raise(null, hoursAfter(T0, 4)) as { alert: HotspotAlert }).alert
    expect(raise(live, hoursAfter(T0, 5))).toEqual({ kind: 'none' })
    const more = { ...finding!, cases: 5, children: [...finding!.children, 'v-t-1-4'] }
    const step = stepAlert(live, more, { chain: village(4), caseIds: ['c-5'], now: daysAfter(T0, 2) }, policy)
    expect(step).toEqual({ kind: 'update', alert: { ...live, cases: 5, children: [...finding!.children, 'v-t-1-4'], caseIds: ['c-5', 'c-3'], updatedAt: daysAfter(T0, 2) } })
  })

  it('once it lapsed, the next finding raises a new alert', () => {
    const live = (raise(null, hoursAfter(T0, 4)) as { alert: HotspotAlert }).alert
    expect(raise(live, daysAfter(hoursAfter(T0, 4), 14)).kind).toBe('raise')
  })
})

// ── properties ───────────────────────────────────────────────────────────────────────────────────

// Five villages in one township, two in another of the same county, one in a third.
const CHAINS = [1, 2, 3, 4, 5].map((n) => village(n)).concat([village(1, 't-2'), village(2, 't-2'), village(1, 't-3')])
const CATS = ['labor_social', 'governance'] as const

const reportsArb = fc.array(fc.record({ chain: fc.nat({ max: CHAINS.length - 1 }), category: fc.constantFrom(...CATS) }), { minLength: 1, maxLength: 24 })
/** Gaps between reports, in minutes: 24 of them stay within 13 days, so every report is in every later window. */
const gapsArb = fc.array(fc.integer({ min: 0, max: 60 * 12 }), { minLength: 24, maxLength: 24 })

type Report = { chain: number; category: (typeof CATS)[number] }

/** Files the reports in order, looking after each as the submit path does; answers how often each slot raised. */
function run(reports: Report[], gaps: number[], skip: (i: number) => boolean = () => false) {
  const days = new Days()
  const slots = new Map<string, HotspotAlert>()
  const raised = new Map<string, number>()
  let at = T0
  reports.forEach((report, i) => {
    at = hoursAfter(at, (gaps[i] ?? 0) / 60)
    const chain = CHAINS[report.chain]!
    days.report(chain, report.category, at, `case-${i}`)
    if (skip(i)) return
    // Looked at once or twice (a resend): twice must change nothing.
    for (let look = 0; look < 1 + (i % 2); look++) {
      for (const finding of findHotspots(chain, report.category, chinaDay(at), days.counts, policy)) {
        const step = stepAlert(slots.get(slotOf(finding)) ?? null, finding, { chain, caseIds: [`case-${i}`], now: at }, policy)
        if (step.kind === 'none') continue
        slots.set(step.alert.slot, step.alert)
        if (step.kind === 'raise') raised.set(step.alert.slot, (raised.get(step.alert.slot) ?? 0) + 1)
      }
    }
  })
  // What the final counts call for, judged at the end for every chain and category reported.
  const due = new Set<string>()
  for (const report of reports) {
    for (const f of findHotspots(CHAINS[report.chain]!, report.category, chinaDay(at), days.counts, policy)) due.add(slotOf(f))
  }
  return { raised, due, slots }
}

describe('the early warning, whatever the order', () => {
  it('raises each alert once, exactly those the final counts call for, the same for any order of the same reports', () => {
    fc.assert(
      fc.property(reportsArb, gapsArb, fc.array(fc.nat(), { minLength: 24, maxLength: 24 }), (reports, gaps, keys) => {
        const shuffled = reports.map((r, i) => ({ r, k: keys[i] ?? 0 })).sort((a, b) => a.k - b.k).map((x) => x.r)
        const first = run(reports, gaps)
        const second = run(shuffled, gaps)
        for (const { raised, due } of [first, second]) {
          for (const n of raised.values()) expect(n).toBe(1)
          expect([...raised.keys()].sort()).toEqual([...due].sort())
        }
        expect([...second.raised.keys()].sort()).toEqual([...first.raised.keys()].sort())
        // The live alert ends up with the same figures however the reports arrived.
        for (const [slot, alert] of first.slots) {
          const other = second.slots.get(slot)!
          expect([other.cases, other.children]).toEqual([alert.cases, alert.children])
        }
      }),
      { numRuns: 200 },
    )
  })

  it('a look that never happened (the function died after saving) never raises an alert twice or wrongly', () => {
    fc.assert(
      fc.property(reportsArb, gapsArb, fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }), (reports, gaps, skips) => {
        const { raised, due } = run(reports, gaps, (i) => skips[i] === true)
        for (const [slot, n] of raised) {
          expect(n).toBe(1)
          expect(due.has(slot)).toBe(true)
        }
        // The final report was looked at: every alert its own look finds is raised (by then, or before).
        if (!skips[reports.length - 1]) {
          const { raised: byLast } = run(reports, gaps, (i) => i < reports.length - 1)
          for (const slot of byLast.keys()) expect(raised.has(slot)).toBe(true)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('every level above the village is watched by the same spread rule', () => {
    expect(LEVELS.slice(1)).toEqual(Object.keys(policy.minChildren))
  })
})
