/** The reporter's side: rating and withdrawing; and the timer that closes unrated cases. */
import { DEFAULT_CASE_POLICY, decide, fold } from '../../../cloudfunctions/_shared/domain'
import {
  REPORTER,
  aCase,
  cadreAt,
  convenerOf,
  daysAfter,
  errorOf,
  eventsOf,
  given,
  hoursAfter,
  step,
} from './case.builders'

describe('RateCase', () => {
  it('closes the case when she says it was solved', () => {
    const { events, at } = aCase({ level: 'township', status: 'resolved' })
    const when = hoursAfter(at, 1)
    const decided = eventsOf(
      given(events).when({ type: 'RateCase', at: when, actor: REPORTER, solved: 'yes', satisfaction: 'basic', comment: '谢谢' }),
    )

    const where = { at: when, level: 'township', orgId: 't-xianlin', by: { openid: REPORTER.openid, role: 'resident' } }
    expect(decided).toEqual([
      { type: 'CaseRated', ...where, solved: 'yes', satisfaction: 'basic', comment: '谢谢' },
      { type: 'CaseClosed', ...where, auto: false },
    ])
    expect(fold([...events, ...decided])).toMatchObject({ status: 'closed', closedAt: when, rating: { solved: 'yes', satisfaction: 'basic' } })
  })

  it.each(['partly', 'no'] as const)('reopens the case one level up when she says %s and confirms', (solved) => {
    const { events, at } = aCase({ level: 'township', status: 'resolved' })
    const when = hoursAfter(at, 1)
    expect(when).toBe('2025-03-03T05:00:00.000Z')
    const decided = eventsOf(given(events).when({ type: 'RateCase', at: when, actor: REPORTER, solved, satisfaction: 'unsatisfied', reopen: true }))

    expect(decided[1]).toEqual({
      type: 'CaseReopened',
      at: when,
      level: 'township',
      orgId: 't-xianlin',
      by: { openid: REPORTER.openid, role: 'resident' },
      fromLevel: 'township',
      toLevel: 'county',
      toOrgId: 'c-qixia',
      solved,
      // The county's clock starts at the rating: 24 hours to accept, 15 days to resolve.
      acceptBy: '2025-03-04T05:00:00.000Z',
      resolveBy: '2025-03-18T05:00:00.000Z',
    })
    const state = fold([...events, ...decided])!
    expect(state).toMatchObject({ status: 'pending', level: 'county', holderOrgId: 'c-qixia', reopenCount: 1 })
    expect(state).not.toHaveProperty('resolvedAt')
    expect(state).not.toHaveProperty('autoCloseBy')
  })

  it.each([
    ['not solved, but she did not ask to go on', { solved: 'no', satisfaction: 'unsatisfied' }],
    ['partly solved, and she said no to going on', { solved: 'partly', satisfaction: 'basic', reopen: false }],
    ['unsatisfied though solved', { solved: 'yes', satisfaction: 'unsatisfied' }],
  ] as const)('closes the case when %s', (_name, answers) => {
    const { events, at } = aCase({ status: 'resolved' })
    const decided = eventsOf(given(events).when({ type: 'RateCase', at: hoursAfter(at, 1), actor: REPORTER, ...answers }))
    expect(decided.map((e) => e.type)).toEqual(['CaseRated', 'CaseClosed'])
  })

  it('refuses to send on a case she says was solved', () => {
    const { events, at } = aCase({ status: 'resolved' })
    const error = errorOf(given(events).when({ type: 'RateCase', at: hoursAfter(at, 1), actor: REPORTER, solved: 'yes', satisfaction: 'satisfied', reopen: true }))
    expect(error).toEqual({ code: 'INVALID_INPUT', message: '问题已经解决了，不需要再交上一级继续办理' })
  })

  it('reopens at the province when the province resolved it', () => {
    const { events, at } = aCase({ level: 'province', status: 'resolved' })
    const decided = eventsOf(given(events).when({ type: 'RateCase', at: hoursAfter(at, 1), actor: REPORTER, solved: 'no', satisfaction: 'unsatisfied', reopen: true }))
    expect(decided[1]).toMatchObject({ type: 'CaseReopened', fromLevel: 'province', toLevel: 'province', toOrgId: 'p-jiangsu' })
  })

  it('records the rating and closes once the case has been reopened policy.maxReopens times', () => {
    const sendOn = { solved: 'no', satisfaction: 'unsatisfied', reopen: true } as const
    let h = aCase({ status: 'resolved' })
    for (let i = 0; i < DEFAULT_CASE_POLICY.maxReopens; i++) {
      h = step(h, { type: 'RateCase', at: hoursAfter(h.at, 1), actor: REPORTER, ...sendOn })
      h = step(h, { type: 'AcceptCase', at: hoursAfter(h.at, 1), actor: cadreAt(h.state.level) })
      h = step(h, { type: 'ResolveCase', at: hoursAfter(h.at, 1), actor: cadreAt(h.state.level), outcome: 'not_solvable', resolution: '政策不支持' })
    }
    expect(h.state).toMatchObject({ level: 'province', reopenCount: 4 })
    const decided = eventsOf(given(h.events).when({ type: 'RateCase', at: hoursAfter(h.at, 1), actor: REPORTER, ...sendOn }))
    expect(decided.map((e) => e.type)).toEqual(['CaseRated', 'CaseClosed'])
  })

  it('is only for the reporter', () => {
    const { events, at } = aCase({ status: 'resolved' })
    const error = errorOf(given(events).when({ type: 'RateCase', at: hoursAfter(at, 1), actor: convenerOf(), solved: 'yes', satisfaction: 'satisfied' }))
    expect(error).toEqual({ code: 'FORBIDDEN', message: '只有反映人本人可以进行此操作' })
  })

  it('waits for the resolution', () => {
    const { events, at } = aCase({ status: 'in_progress' })
    const error = errorOf(given(events).when({ type: 'RateCase', at: hoursAfter(at, 1), actor: REPORTER, solved: 'yes', satisfaction: 'satisfied' }))
    expect(error).toEqual({ code: 'CONFLICT', message: '反映办结后才能评价', reason: 'CASE_NOT_RESOLVED' })
  })
})

describe('WithdrawCase', () => {
  it.each(['pending', 'in_progress'] as const)('withdraws a %s case', (status) => {
    const { events, at } = aCase({ level: 'county', status })
    const when = hoursAfter(at, 1)
    const decided = eventsOf(given(events).when({ type: 'WithdrawCase', at: when, actor: REPORTER, reason: '已自行协商解决' }))
    expect(decided).toEqual([
      {
        type: 'CaseWithdrawn',
        at: when,
        level: 'county',
        orgId: 'c-qixia',
        by: { openid: REPORTER.openid, role: 'resident' },
        reason: '已自行协商解决',
      },
    ])
    expect(fold([...events, ...decided])).toMatchObject({ status: 'withdrawn', withdrawnAt: when })
  })

  it('is too late once resolved', () => {
    const { events, at } = aCase({ status: 'resolved' })
    expect(errorOf(given(events).when({ type: 'WithdrawCase', at: hoursAfter(at, 1), actor: REPORTER })).code).toBe('CONFLICT')
  })

  it('is only for the reporter', () => {
    const { events, at } = aCase()
    expect(errorOf(given(events).when({ type: 'WithdrawCase', at: hoursAfter(at, 1), actor: convenerOf() })).code).toBe('FORBIDDEN')
  })
})

describe('AutoCloseCase', () => {
  it('closes an unrated case 7 days after resolution', () => {
    // Resolved at the township at 04:00Z on Monday 3 March; nobody rates it.
    const { events, state } = aCase({ level: 'township', status: 'resolved' })
    expect(state.resolvedAt).toBe('2025-03-03T04:00:00.000Z')
    const when = '2025-03-10T04:00:00.000Z'
    expect(state.autoCloseBy).toBe(when)
    expect(eventsOf(given(events).when({ type: 'AutoCloseCase', at: when, actor: 'system' }))).toEqual([
      { type: 'CaseClosed', at: when, level: 'township', orgId: 't-xianlin', auto: true },
    ])
  })

  it('waits until the 7 days have passed', () => {
    // Resolved at the village at 03:00Z on 3 March: a millisecond short of 7 days.
    const { events, state } = aCase({ status: 'resolved' })
    expect(state.resolvedAt).toBe('2025-03-03T03:00:00.000Z')
    const error = errorOf(given(events).when({ type: 'AutoCloseCase', at: '2025-03-10T02:59:59.999Z', actor: 'system' }))
    expect(error.code).toBe('CONFLICT')
  })

  it('does nothing the second time', () => {
    let h = aCase({ status: 'resolved' })
    h = step(h, { type: 'AutoCloseCase', at: daysAfter(h.at, 8), actor: 'system' })
    expect(errorOf(decide({ type: 'AutoCloseCase', at: daysAfter(h.at, 9), actor: 'system' }, h.state)).code).toBe('CONFLICT')
  })

  it('is for timers only', () => {
    const { events, at } = aCase({ status: 'resolved' })
    expect(errorOf(given(events).when({ type: 'AutoCloseCase', at: daysAfter(at, 8), actor: REPORTER })).code).toBe('FORBIDDEN')
  })
})
