/**
 * The monthly scorecard's rules (domain/stats.ranking.ts): a month's rates from its counters, the
 * score as the weighted mean of the rates there are, and ranks — 1 the best, equal scores sharing a
 * rank, no score last. Properties: the ranking is a permutation of the rows, ranks agree with scores.
 */
import fc from 'fast-check'
import { DEFAULT_STATS_POLICY, monthlyFigures, rankByScore, scoreOf } from '../../../cloudfunctions/_shared/domain'

const policy = DEFAULT_STATS_POLICY.ranking

describe('monthlyFigures', () => {
  it('reads each rate from its own counters, null where nothing fell due', () => {
    expect(
      monthlyFigures({
        submitted: 7,
        acceptDue: 4,
        acceptedInTime: 3,
        resolveDue: 3,
        resolvedOnTime: 2,
        ratings: 4,
        'solved:yes': 1,
        'solved:partly': 2,
        'solved:no': 1,
        'satisfaction:satisfied': 1,
        'satisfaction:basic': 2,
        'satisfaction:unsatisfied': 1,
        urged: 2,
        kbUpdates: 3,
      }),
    ).toEqual({ cases: 7, responseRate: 0.75, solveRate: 0.25, satisfactionRate: 0.75, onTimeRate: 0.6667, urged: 2, kbUpdates: 3 })
    expect(monthlyFigures({})).toEqual({ cases: 0, responseRate: null, solveRate: null, satisfactionRate: null, onTimeRate: null, urged: 0, kbUpdates: 0 })
  })
})

describe('scoreOf', () => {
  it('weighs 响应率 30, 解决率 35, 满意率 35 by default, on 0..100 with one decimal', () => {
    expect(scoreOf({ responseRate: 1, solveRate: 1, satisfactionRate: 1 }, policy)).toBe(100)
    expect(scoreOf({ responseRate: 0.5, solveRate: 0.8, satisfactionRate: 0.9 }, policy)).toBe(74.5) // 15 + 28 + 31.5
    expect(scoreOf({ responseRate: 0, solveRate: 0, satisfactionRate: 0 }, policy)).toBe(0)
  })

  it('leaves out a rate with nothing to measure and scales the others up to the whole', () => {
    expect(scoreOf({ responseRate: 0.8, solveRate: null, satisfactionRate: null }, policy)).toBe(80)
    expect(scoreOf({ responseRate: 0.5, solveRate: 1, satisfactionRate: null }, policy)).toBe(76.9) // (15 + 35) / 65
    expect(scoreOf({ responseRate: null, solveRate: null, satisfactionRate: null }, policy)).toBeNull()
  })

  it('takes any weights: only their proportions matter, a zero weight drops its rate', () => {
    const f = { responseRate: 0.5, solveRate: 0.8, satisfactionRate: 0.9 }
    expect(scoreOf(f, { weights: { response: 6, solve: 7, satisfaction: 7 } })).toBe(scoreOf(f, policy))
    expect(scoreOf(f, { weights: { response: 1, solve: 0, satisfaction: 0 } })).toBe(50)
    expect(scoreOf({ ...f, responseRate: null }, { weights: { response: 1, solve: 0, satisfaction: 0 } })).toBeNull()
  })
})

describe('rankByScore', () => {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)
  it('ranks the best first, equal scores share a rank (1, 1, 3), no score last', () => {
    const rows = [
      { id: 'a', score: 80 },
      { id: 'b', score: null },
      { id: 'c', score: 95.5 },
      { id: 'd', score: 80 },
      { id: 'e', score: null },
      { id: 'f', score: 60 },
    ]
    expect(rankByScore(rows, byId).map((r) => [r.id, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['d', 2],
      ['f', 4],
      ['b', 5],
      ['e', 5],
    ])
    expect(rankByScore([], byId)).toEqual([])
    expect(rankByScore([{ id: 'x', score: null }], byId).map((r) => r.rank)).toEqual([1])
  })

  const rowsArb = fc
    .array(fc.option(fc.integer({ min: 0, max: 1000 }).map((n) => n / 10), { nil: null, freq: 4 }), { maxLength: 30 })
    .map((scores) => scores.map((score, i) => ({ id: `org-${String(i).padStart(2, '0')}`, score })))

  it('is a permutation of its rows, in order of score, with ranks that agree with the scores', () => {
    fc.assert(
      fc.property(rowsArb, fc.boolean(), (rows, reversed) => {
        const input = reversed ? [...rows].reverse() : rows
        const ranked = rankByScore(input, byId)
        // A permutation: the same rows, each once.
        expect(ranked.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort())
        // Whatever order the rows came in.
        expect(ranked).toEqual(rankByScore(rows, byId))
        for (const [i, row] of ranked.entries()) {
          const scored = ranked.filter((r) => r.score !== null)
          if (row.score === null) {
            expect(row.rank).toBe(scored.length + 1)
          } else {
            // 1 + how many scored strictly better; equal scores, equal ranks.
            expect(row.rank).toBe(1 + scored.filter((r) => r.score! > row.score!).length)
          }
          const next = ranked[i + 1]
          if (next) {
            expect(next.rank).toBeGreaterThanOrEqual(row.rank)
            if (row.score !== null && next.score !== null) expect(next.score).toBeLessThanOrEqual(row.score)
            if (row.score === null) expect(next.score).toBeNull()
            if (next.score === row.score) expect(next.rank).toBe(row.rank)
          }
        }
        if (ranked.length > 0) expect(ranked[0]!.rank).toBe(1)
      }),
      { numRuns: 300 },
    )
  })

  it('ranks a child with every rate higher above one with every rate lower, whatever the weights', () => {
    const rate = fc.integer({ min: 0, max: 100 }).map((n) => n / 100)
    const weight = fc.integer({ min: 1, max: 100 })
    fc.assert(
      fc.property(fc.tuple(rate, rate, rate), fc.tuple(rate, rate, rate), fc.tuple(weight, weight, weight), ([a, b, c], [x, y, z], [r, s, t]) => {
        const weights = { weights: { response: r, solve: s, satisfaction: t } }
        const hi = scoreOf({ responseRate: Math.max(a, x), solveRate: Math.max(b, y), satisfactionRate: Math.max(c, z) }, weights)!
        const lo = scoreOf({ responseRate: Math.min(a, x), solveRate: Math.min(b, y), satisfactionRate: Math.min(c, z) }, weights)!
        const [first] = rankByScore([{ id: 'lo', score: lo }, { id: 'hi', score: hi }], byId)
        expect(hi).toBeGreaterThanOrEqual(lo)
        expect(first!.rank).toBe(1)
        if (hi > lo) expect(first!.id).toBe('hi')
      }),
    )
  })
})
