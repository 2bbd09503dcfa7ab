/**
 * The counter rules, one change at a time: given a case, when this command, then these deltas (for
 * every org on its chain). And how counters become the dashboard's figures.
 */
import {
  counterDeltas,
  statsFigures,
  type CaseCommand,
  type Counters,
} from '../../../cloudfunctions/_shared/domain'
import {
  REPORTER,
  aCase,
  aSubmitCase,
  daysAfter,
  eventsOf,
  holderOf,
  hoursAfter,
  step,
  type History,
} from '../domain/case.builders'
import { decide } from '../../../cloudfunctions/_shared/domain'

/** The deltas of one command on a case, and the case after it. */
function change(h: History, command: CaseCommand) {
  const next = step(h, command)
  return { deltas: counterDeltas(next.events.slice(h.events.length), h.state, next.state), next }
}

const resolve = (h: History, at = hoursAfter(h.at, 1)): CaseCommand => ({
  type: 'ResolveCase',
  at,
  actor: holderOf(h.state),
  outcome: 'solved',
  resolution: '已协调解决',
})

describe('counterDeltas', () => {
  it('counts a submission: one case, pending, its category, an arrival at the village', () => {
    const command = aSubmitCase({ category: 'marriage_family' })
    const events = eventsOf(decide(command, null))
    const state = step(null, command).state
    expect(counterDeltas(events, null, state)).toEqual({
      cases: 1,
      'status:pending': 1,
      'category:marriage_family': 1,
      'arrived:village': 1,
    })
  })

  it('moves an accepted case from pending to in progress, and nothing else', () => {
    const h = aCase()
    expect(change(h, { type: 'AcceptCase', at: hoursAfter(h.at, 1), actor: holderOf(h.state) }).deltas).toEqual({
      'status:pending': -1,
      'status:in_progress': 1,
    })
  })

  it('counts a resolution at its level, on time, with the minutes since submission', () => {
    const h = aCase({ status: 'in_progress' }) // submitted at T0, accepted an hour later
    expect(change(h, resolve(h)).deltas).toEqual({
      'status:in_progress': -1,
      'status:resolved': 1,
      'resolved:village': 1,
      resolvedOnTime: 1,
      resolveMinutes: 120,
    })
  })

  it('counts a resolution after the resolve deadline as not on time', () => {
    const h = aCase({ status: 'in_progress' })
    const { deltas } = change(h, resolve(h, daysAfter(h.state.resolveBy, 1)))
    expect(deltas['resolved:village']).toBe(1)
    expect(deltas.resolvedOnTime).toBeUndefined()
  })

  it('counts an escalation as a departure from its level and an arrival at the next', () => {
    const h = aCase({ status: 'in_progress' })
    const { deltas } = change(h, { type: 'EscalateCase', at: hoursAfter(h.at, 1), actor: holderOf(h.state), reason: '需协调' })
    expect(deltas).toEqual({
      'status:in_progress': -1,
      'status:pending': 1,
      'escalated:village': 1,
      'arrived:township': 1,
    })
  })

  it('counts a missed deadline the same as an escalation by hand', () => {
    const h = aCase()
    const { deltas } = change(h, { type: 'MissDeadline', at: h.state.acceptBy, actor: 'system' })
    expect(deltas).toEqual({ 'escalated:village': 1, 'arrived:township': 1 })
  })

  it('counts a hand-back as an arrival below, not as an escalation', () => {
    const h = aCase({ level: 'county' })
    const { deltas } = change(h, {
      type: 'HandBackCase',
      at: hoursAfter(h.at, 1),
      actor: holderOf(h.state),
      toOrgId: h.state.chain.village,
      instructions: '请村里先调解',
    })
    expect(deltas).toEqual({ 'arrived:village': 1 })
  })

  it('closes a satisfied case: the rating counts, the resolution stays', () => {
    const h = aCase({ status: 'resolved' })
    expect(change(h, { type: 'RateCase', at: hoursAfter(h.at, 1), actor: REPORTER, solved: 'yes', satisfaction: 'satisfied' }).deltas).toEqual({
      'status:resolved': -1,
      'status:closed': 1,
      ratings: 1,
      'satisfaction:satisfied': 1,
      'solved:yes': 1,
    })
  })

  it('retracts the resolution a reopening undoes, and keeps the unsatisfied rating', () => {
    const h = aCase({ status: 'resolved' }) // resolved at the village, 2 hours after submission
    expect(change(h, { type: 'RateCase', at: hoursAfter(h.at, 1), actor: REPORTER, solved: 'no', satisfaction: 'unsatisfied', reopen: true }).deltas).toEqual({
      'status:resolved': -1,
      'status:pending': 1,
      'resolved:village': -1,
      resolvedOnTime: -1,
      resolveMinutes: -120,
      ratings: 1,
      'satisfaction:unsatisfied': 1,
      'solved:no': 1,
      'arrived:township': 1,
    })
  })

  it('counts a reopened case once more only when it is resolved again, at its new level', () => {
    let h = aCase({ status: 'resolved' })
    h = step(h, { type: 'RateCase', at: hoursAfter(h.at, 1), actor: REPORTER, solved: 'partly', satisfaction: 'basic', reopen: true })
    h = step(h, { type: 'AcceptCase', at: hoursAfter(h.at, 1), actor: holderOf(h.state) })
    const { deltas } = change(h, resolve(h))
    expect(deltas).toMatchObject({ 'resolved:township': 1, resolvedOnTime: 1, resolveMinutes: 300 })
    expect(deltas['resolved:village']).toBeUndefined()
  })

  it('moves a withdrawn case out of pending', () => {
    const h = aCase()
    expect(change(h, { type: 'WithdrawCase', at: hoursAfter(h.at, 1), actor: REPORTER }).deltas).toEqual({
      'status:pending': -1,
      'status:withdrawn': 1,
    })
  })

  it('counts nothing for a change that moves no figure', () => {
    const h = aCase({ status: 'in_progress' })
    const assigned = step(h, { type: 'AssignDepartment', at: hoursAfter(h.at, 1), actor: holderOf(h.state), department: '司法所', note: '' })
    expect(change(assigned, { type: 'RecordDepartmentReply', at: hoursAfter(assigned.at, 1), actor: holderOf(h.state), reply: '已处理' }).deltas).toEqual({})
  })
})

describe('statsFigures', () => {
  it('answers zeros and null rates for an org with no counters', () => {
    const figures = statsFigures({})
    expect(figures.cases.total).toBe(0)
    expect(figures.cases.byStatus).toEqual({ pending: 0, in_progress: 0, resolved: 0, closed: 0, withdrawn: 0 })
    expect(figures.cases.resolvedAtLevel).toEqual({ village: 0, township: 0, county: 0, city: 0, province: 0 })
    expect(figures).toMatchObject({ onTimeRate: null, satisfactionRate: null, solveRate: null, avgHoursToResolve: null })
    expect(figures.escalationRate).toEqual({ village: null, township: null, county: null, city: null, province: null })
  })

  it('derives rates from counts: on time per resolution, satisfied and solved per rating, escalations per arrival', () => {
    const counters: Counters = {
      cases: 10,
      'status:resolved': 1,
      'status:closed': 2,
      'resolved:village': 2,
      'resolved:township': 1,
      resolvedOnTime: 2,
      resolveMinutes: 3 * 60 * 30,
      ratings: 4,
      'satisfaction:satisfied': 1,
      'satisfaction:basic': 1,
      'satisfaction:unsatisfied': 2,
      'solved:yes': 1,
      'solved:partly': 2,
      'solved:no': 1,
      'arrived:village': 10,
      'escalated:village': 3,
      'arrived:township': 4,
      deliberations: 2,
      councils: 5,
      members: 40,
    }
    expect(statsFigures(counters)).toMatchObject({
      cases: { total: 10, resolvedAtLevel: { village: 2, township: 1 } },
      onTimeRate: 0.6667,
      // 满意 + 基本满意 of four ratings; 解决了 of four.
      satisfactionRate: 0.5,
      solveRate: 0.25,
      avgHoursToResolve: 30,
      escalationRate: { village: 0.3, township: 0, county: null },
      deliberations: 2,
      councils: 5,
      members: 40,
    })
  })
})
