/** Moving a case on the ladder: escalation by hand, hand-back, missed deadlines. */
import { deadlinesAt, fold, nextDue } from '../../../cloudfunctions/_shared/domain'
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
        ...deadlinesAt('township', when),
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
        ...deadlinesAt('township', when),
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
    const when = hoursAfter(T0, 24)
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
        ...deadlinesAt('township', when),
      },
    ])
  })

  it('escalates an accepted case not resolved in time', () => {
    const { events, state } = aCase({ level: 'township', status: 'in_progress' })
    const [escalated] = eventsOf(given(events).when({ type: 'MissDeadline', at: state.resolveBy, actor: 'system' }))
    expect(escalated).toMatchObject({ type: 'CaseEscalated', toLevel: 'county', missed: 'resolve', auto: true })
  })

  it('does nothing before the deadline', () => {
    const { events, state } = aCase()
    const error = errorOf(given(events).when({ type: 'MissDeadline', at: hoursAfter(state.acceptBy, -0.001), actor: 'system' }))
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
      const { events, state } = aCase({ level: 'province' })
      const decided = eventsOf(given(events).when({ type: 'MissDeadline', at: state.acceptBy, actor: 'system' }))

      expect(decided).toEqual([
        {
          type: 'CaseFlaggedOverdue',
          at: state.acceptBy,
          level: 'province',
          orgId: 'p-jiangsu',
          missed: 'accept',
          deadline: state.acceptBy,
        },
      ])
      const after = fold([...events, ...decided])!
      expect(after).toMatchObject({ status: 'pending', level: 'province', overdue: { accept: true, resolve: false } })
      expect(nextDue(after)).toEqual({ at: state.resolveBy, command: 'MissDeadline' })
    })

    it('flags each deadline once', () => {
      let h = aCase({ level: 'province' })
      h = step(h, { type: 'MissDeadline', at: h.state.acceptBy, actor: 'system' })
      const error = errorOf(given(h.events).when({ type: 'MissDeadline', at: hoursAfter(h.state.acceptBy, 1), actor: 'system' }))
      expect(error.code).toBe('CONFLICT')
    })

    it('flags both at once when the timer comes late', () => {
      const { events, state } = aCase({ level: 'province' })
      const decided = eventsOf(given(events).when({ type: 'MissDeadline', at: daysAfter(state.resolveBy, 1), actor: 'system' }))
      expect(decided.map((e) => e.type === 'CaseFlaggedOverdue' && e.missed)).toEqual(['accept', 'resolve'])
      expect(nextDue(fold([...events, ...decided])!)).toBeNull()
    })
  })
})
