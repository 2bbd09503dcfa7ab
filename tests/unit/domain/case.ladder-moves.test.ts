/** Moving a case on the ladder: escalation by hand, hand-back, missed deadlines. */
import { fold, nextDue } from '../../../cloudfunctions/_shared/domain'
import {
  T0,
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

describe('EscalateCase', () => {
  it('sends the case to the parent org, pending, with deadlines from now', () => {
    const { events, at } = aCase({ status: 'in_progress' })
    const when = hoursAfter(at, 3)
    expect(when).toBe('2025-03-03T05:00:00.000Z')
    const decided = eventsOf(
      given(events).when({ type: 'EscalateCase', at: when, actor: convenerOf(), reason: '议事会协商后认为需上级协调' }),
    )

    expect(decided).toEqual([
      {
        type: 'CaseEscalated',
        at: when,
        level: 'village',
        orgId: 'v-hemu',
        by: { openid: 'o-convener', role: 'convener' },
        fromLevel: 'village',
        toLevel: 'township',
        toOrgId: 't-xianlin',
        reason: '议事会协商后认为需上级协调',
        auto: false,
        // The township's clock starts at the escalation: 24 hours to accept, 10 days to resolve.
        acceptBy: '2025-03-04T05:00:00.000Z',
        resolveBy: '2025-03-13T05:00:00.000Z',
      },
    ])
    const state = fold([...events, ...decided])
    expect(state).toMatchObject({ status: 'pending', level: 'township', holderOrgId: 't-xianlin', arrivedAt: when })
    expect(state).not.toHaveProperty('acceptedAt')
  })

  it('cannot go above the province', () => {
    const { events, at } = aCase({ level: 'province' })
    const error = errorOf(
      given(events).when({ type: 'EscalateCase', at: hoursAfter(at, 1), actor: cadreAt('province'), reason: '无法解决' }),
    )
    expect(error.code).toBe('CONFLICT')
  })

  it('needs a reason', () => {
    const { events, at } = aCase()
    const error = errorOf(given(events).when({ type: 'EscalateCase', at: hoursAfter(at, 1), actor: convenerOf(), reason: '' }))
    expect(error.code).toBe('INVALID_INPUT')
  })

  it('is not for a resolved case', () => {
    const { events, at } = aCase({ status: 'resolved' })
    const error = errorOf(given(events).when({ type: 'EscalateCase', at: hoursAfter(at, 1), actor: convenerOf(), reason: '再议' }))
    expect(error.code).toBe('CONFLICT')
  })
})

describe('HandBackCase', () => {
  it('sends the case down to an org below on its chain, with instructions and new deadlines', () => {
    const { events, at } = aCase({ level: 'city', status: 'in_progress' })
    const when = hoursAfter(at, 1)
    expect(when).toBe('2025-03-03T06:00:00.000Z')
    const decided = eventsOf(
      given(events).when({
        type: 'HandBackCase',
        at: when,
        actor: cadreAt('city'),
        toOrgId: 't-xianlin',
        instructions: '请街道妇联牵头，联合司法所调解',
      }),
    )

    expect(decided).toEqual([
      {
        type: 'CaseHandedBack',
        at: when,
        level: 'city',
        orgId: 'ci-nanjing',
        by: { openid: 'o-cadre-city', role: 'cadre' },
        fromLevel: 'city',
        toLevel: 'township',
        toOrgId: 't-xianlin',
        instructions: '请街道妇联牵头，联合司法所调解',
        // Fresh deadlines at the township, from the hand-back: 24 hours and 10 days.
        acceptBy: '2025-03-04T06:00:00.000Z',
        resolveBy: '2025-03-13T06:00:00.000Z',
      },
    ])
    expect(fold([...events, ...decided])).toMatchObject({ status: 'pending', level: 'township', holderOrgId: 't-xianlin' })
  })

  it.each([
    ['the holder itself', 'c-qixia'],
    ['an org above the holder', 'ci-nanjing'],
    ['an org off the chain', 't-elsewhere'],
  ])('is INVALID_INPUT to %s', (_what, toOrgId) => {
    const { events, at } = aCase({ level: 'county' })
    const error = errorOf(
      given(events).when({ type: 'HandBackCase', at: hoursAfter(at, 1), actor: cadreAt('county'), toOrgId, instructions: '请办理' }),
    )
    expect(error.code).toBe('INVALID_INPUT')
  })

  it('is INVALID_INPUT at the village, which has nothing below', () => {
    const { events, at } = aCase()
    const error = errorOf(
      given(events).when({ type: 'HandBackCase', at: hoursAfter(at, 1), actor: convenerOf(), toOrgId: 'v-hemu', instructions: '请办理' }),
    )
    expect(error.code).toBe('INVALID_INPUT')
  })

  it('is only for the holder, not for a supervising level', () => {
    const { events, at } = aCase({ level: 'township' })
    const error = errorOf(
      given(events).when({ type: 'HandBackCase', at: hoursAfter(at, 1), actor: cadreAt('county'), toOrgId: 'v-hemu', instructions: '请办理' }),
    )
    expect(error.code).toBe('FORBIDDEN')
  })
})

describe('MissDeadline', () => {
  it('escalates a case not accepted within 24 hours', () => {
    const { events } = aCase()
    // Filed Monday 09:00 China time; nobody accepted it by Tuesday 09:00.
    const when = '2025-03-04T01:00:00.000Z'
    const decided = eventsOf(given(events).when({ type: 'MissDeadline', at: when, actor: 'system' }))

    expect(decided).toEqual([
      {
        type: 'CaseEscalated',
        at: when,
        level: 'village',
        orgId: 'v-hemu',
        fromLevel: 'village',
        toLevel: 'township',
        toOrgId: 't-xianlin',
        reason: '超过受理期限未受理，自动上报上级妇联',
        auto: true,
        missed: 'accept',
        // Counted from the sweep's instant at the township: 24 hours and 10 days.
        acceptBy: '2025-03-05T01:00:00.000Z',
        resolveBy: '2025-03-14T01:00:00.000Z',
      },
    ])
  })

  it('escalates an accepted case not resolved in time', () => {
    // At the township since 02:00Z on 3 March: 10 days to resolve.
    const { events, state } = aCase({ level: 'township', status: 'in_progress' })
    expect(state.resolveBy).toBe('2025-03-13T02:00:00.000Z')
    expect(errorOf(given(events).when({ type: 'MissDeadline', at: '2025-03-13T01:59:59.999Z', actor: 'system' })).code).toBe('CONFLICT')
    const [escalated] = eventsOf(given(events).when({ type: 'MissDeadline', at: '2025-03-13T02:00:00.000Z', actor: 'system' }))
    expect(escalated).toMatchObject({ type: 'CaseEscalated', toLevel: 'county', missed: 'resolve', auto: true })
  })

  it('does nothing before the deadline', () => {
    const { events } = aCase()
    // A millisecond before the accept deadline, 24 hours after filing at T0.
    const error = errorOf(given(events).when({ type: 'MissDeadline', at: '2025-03-04T00:59:59.999Z', actor: 'system' }))
    expect(error.code).toBe('CONFLICT')
  })

  it('ignores the accept deadline once the case is accepted', () => {
    const { events, state } = aCase({ status: 'in_progress' })
    const error = errorOf(given(events).when({ type: 'MissDeadline', at: daysAfter(state.arrivedAt, 2), actor: 'system' }))
    expect(error).toEqual({ code: 'CONFLICT', message: '办理期限尚未到期' })
  })

  it('is for timers only', () => {
    const { events } = aCase()
    const error = errorOf(given(events).when({ type: 'MissDeadline', at: daysAfter(T0, 30), actor: convenerOf() }))
    expect(error.code).toBe('FORBIDDEN')
  })

  it('restarts the clock at the new level, so a second run at the same time does nothing', () => {
    let h = aCase()
    h = step(h, { type: 'MissDeadline', at: daysAfter(T0, 3), actor: 'system' })
    expect(h.state.level).toBe('township')
    const error = errorOf(given(h.events).when({ type: 'MissDeadline', at: daysAfter(T0, 3), actor: 'system' }))
    expect(error.code).toBe('CONFLICT')
  })

  describe('at the province', () => {
    it('flags the missed deadline instead of escalating, and the case stays', () => {
      // At the province since 05:00Z on 3 March: accept by 05:00Z the next day, resolve within 30 days.
      const { events } = aCase({ level: 'province' })
      const decided = eventsOf(given(events).when({ type: 'MissDeadline', at: '2025-03-04T05:00:00.000Z', actor: 'system' }))

      expect(decided).toEqual([
        {
          type: 'CaseFlaggedOverdue',
          at: '2025-03-04T05:00:00.000Z',
          level: 'province',
          orgId: 'p-jiangsu',
          missed: 'accept',
          deadline: '2025-03-04T05:00:00.000Z',
        },
      ])
      const after = fold([...events, ...decided])!
      expect(after).toMatchObject({ status: 'pending', level: 'province', overdue: { accept: true, resolve: false } })
      // What is left to time is the resolve deadline: its 临期提醒 a day before it, then the deadline.
      expect(nextDue(after)).toEqual({ at: '2025-04-01T05:00:00.000Z', command: 'RemindDeadline' })
    })

    it('flags each deadline once', () => {
      let h = aCase({ level: 'province' })
      h = step(h, { type: 'MissDeadline', at: h.state.acceptBy, actor: 'system' })
      const error = errorOf(given(h.events).when({ type: 'MissDeadline', at: hoursAfter(h.state.acceptBy, 1), actor: 'system' }))
      expect(error.code).toBe('CONFLICT')
    })

    it('flags both at once when the timer comes late', () => {
      const { events } = aCase({ level: 'province' })
      // A day after the resolve deadline (30 days from 05:00Z on 3 March).
      const decided = eventsOf(given(events).when({ type: 'MissDeadline', at: '2025-04-03T05:00:00.000Z', actor: 'system' }))
      expect(decided).toMatchObject([
        { type: 'CaseFlaggedOverdue', missed: 'accept', deadline: '2025-03-04T05:00:00.000Z' },
        { type: 'CaseFlaggedOverdue', missed: 'resolve', deadline: '2025-04-02T05:00:00.000Z' },
      ])
      expect(decided.map((e) => e.type === 'CaseFlaggedOverdue' && e.missed)).toEqual(['accept', 'resolve'])
      expect(nextDue(fold([...events, ...decided])!)).toBeNull()
    })
  })
})
