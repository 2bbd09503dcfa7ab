/**
 * The monthly counters (stats.counters.ts "Monthly counters"), one change at a time: what each event
 * adds, for which level's org (and those above it), in which China-time month. That they equal a
 * full scan of the timelines after any sequence of commands: stats.properties.test.ts.
 */
import { decide, monthlyDeltas, orgsFrom, urgedCounted, type CaseCommand } from '../../../cloudfunctions/_shared/domain'
import { REPORTER, aCase, aChain, aSubmitCase, eventsOf, holderOf, hoursAfter, step, type History } from '../domain/case.builders'

function change(h: History, command: CaseCommand) {
  const next = step(h, command)
  return monthlyDeltas(next.events.slice(h.events.length), h.state)
}

describe('monthlyDeltas', () => {
  it('counts a submission for the village and every org above it, in its China-time month', () => {
    // 2025-03-31 20:00 UTC is 2025-04-01 04:00 in China: April's.
    const command = aSubmitCase({ at: '2025-03-31T20:00:00.000Z' })
    expect(monthlyDeltas(eventsOf(decide(command, null)), null)).toEqual([{ month: '2025-04', level: 'village', deltas: { submitted: 1 } }])
    expect(orgsFrom(aChain(), 'township')).toEqual(['t-xianlin', 'c-qixia', 'ci-nanjing', 'p-jiangsu'])
  })

  it('counts an acceptance within 24 h as a response in time, a later one as due but late', () => {
    const h = aCase()
    expect(change(h, { type: 'AcceptCase', at: hoursAfter(h.at, 23), actor: holderOf(h.state) })).toEqual([
      { month: '2025-03', level: 'village', deltas: { accepted: 1, acceptDue: 1, acceptedInTime: 1 } },
    ])
    // Between the deadline and the sweep's next run: accepted, late.
    expect(change(h, { type: 'AcceptCase', at: hoursAfter(h.at, 24.05), actor: holderOf(h.state) })).toEqual([
      { month: '2025-03', level: 'village', deltas: { accepted: 1, acceptDue: 1 } },
    ])
  })

  it('counts a department taking a pending case on as its acceptance', () => {
    const h = aCase()
    expect(change(h, { type: 'AssignDepartment', at: hoursAfter(h.at, 2), actor: holderOf(h.state), department: '司法所', note: '请协助' })).toEqual([
      { month: '2025-03', level: 'village', deltas: { accepted: 1, acceptDue: 1, acceptedInTime: 1 } },
    ])
  })

  it('counts a missed accept deadline against the level that missed it, not the one it goes to', () => {
    const h = aCase()
    expect(change(h, { type: 'MissDeadline', at: hoursAfter(h.at, 25), actor: 'system' })).toEqual([
      { month: '2025-03', level: 'village', deltas: { acceptDue: 1 } },
    ])
  })

  it('counts a resolution at its level, on time or not, and a missed resolve deadline as due', () => {
    const h = aCase({ level: 'township', status: 'in_progress' })
    expect(change(h, { type: 'ResolveCase', at: hoursAfter(h.at, 1), actor: holderOf(h.state), outcome: 'solved', resolution: '已解决' })).toEqual([
      { month: '2025-03', level: 'township', deltas: { resolved: 1, resolveDue: 1, resolvedOnTime: 1 } },
    ])
    expect(change(h, { type: 'MissDeadline', at: h.state.resolveBy, actor: 'system' })).toEqual([
      { month: '2025-03', level: 'township', deltas: { resolveDue: 1 } },
    ])
  })

  it('counts a rating for the level that resolved the case, also when it reopens it', () => {
    const h = aCase({ level: 'county', status: 'resolved' })
    expect(change(h, { type: 'RateCase', at: hoursAfter(h.at, 1), actor: REPORTER, solved: 'no', satisfaction: 'unsatisfied', reopen: true })).toEqual([
      { month: '2025-03', level: 'county', deltas: { ratings: 1, 'solved:no': 1, 'satisfaction:unsatisfied': 1 } },
    ])
    expect(change(h, { type: 'RateCase', at: hoursAfter(h.at, 1), actor: REPORTER, solved: 'yes', satisfaction: 'basic' })).toEqual([
      { month: '2025-03', level: 'county', deltas: { ratings: 1, 'solved:yes': 1, 'satisfaction:basic': 1 } },
    ])
  })

  it('at the province, a flagged deadline is due once: the late acceptance that follows adds no second one (only itself to the trend)', () => {
    const h = aCase({ level: 'province' })
    const flagged = step(h, { type: 'MissDeadline', at: hoursAfter(h.at, 25), actor: 'system' })
    expect(monthlyDeltas(flagged.events.slice(h.events.length), h.state)).toEqual([{ month: '2025-03', level: 'province', deltas: { acceptDue: 1 } }])
    expect(change(flagged, { type: 'AcceptCase', at: hoursAfter(flagged.at, 1), actor: holderOf(flagged.state) })).toEqual([
      { month: '2025-03', level: 'province', deltas: { accepted: 1 } },
    ])
  })

  it('escalating or handing back by hand, withdrawing, closing count nothing', () => {
    const h = aCase()
    expect(change(h, { type: 'EscalateCase', at: hoursAfter(h.at, 1), actor: holderOf(h.state), reason: '请上级协调' })).toEqual([])
    expect(change(h, { type: 'WithdrawCase', at: hoursAfter(h.at, 1), actor: REPORTER })).toEqual([])
  })

  it('offers the urge hook: one urged for the holder, in the month of the urge', () => {
    expect(urgedCounted('2025-04-30T17:00:00.000Z', 'township')).toEqual({ month: '2025-05', level: 'township', deltas: { urged: 1 } })
  })
})
