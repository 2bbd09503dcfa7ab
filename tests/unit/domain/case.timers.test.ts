/** nextDue: what the sweep indexes; 临期提醒: when a reminder is due, and that it goes once per deadline. */
import {
  DEFAULT_CASE_POLICY,
  decide,
  dueCommandAt,
  nextDue,
  reminderAt,
  remindersDue,
} from '../../../cloudfunctions/_shared/domain'
import { aCase, cadreAt, errorOf, eventsOf, given, holderOf, hoursAfter, step } from './case.builders'

describe('nextDue', () => {
  // At the village from T0 (Monday 2025-03-03, 09:00 China time); accepted an hour later, resolved
  // an hour after that (case.builders aCase).
  it.each([
    // 24 hours to accept: the reminder comes halfway, not 24 hours before (that would be on arrival).
    ['a pending case: its accept reminder, 12 hours on', { status: 'pending' as const }, '2025-03-03T13:00:00.000Z', 'RemindDeadline'],
    ['an accepted case: its resolve reminder, a day before the 7 days are up', { status: 'in_progress' as const }, '2025-03-09T01:00:00.000Z', 'RemindDeadline'],
    ['a resolved case: its auto-close time, 7 days from resolution', { status: 'resolved' as const }, '2025-03-10T03:00:00.000Z', 'AutoCloseCase'],
  ] as const)('is, for %s', (_what, spec, at, command) => {
    const { state } = aCase(spec)
    expect(nextDue(state)).toEqual({ at, command })
  })

  it('is the deadline itself once its reminder went', () => {
    let h = aCase()
    h = step(h, { type: 'RemindDeadline', at: '2025-03-03T13:00:00.000Z', actor: 'system' })
    expect(nextDue(h.state)).toEqual({ at: '2025-03-04T01:00:00.000Z', command: 'MissDeadline' })
  })

  it.each(['closed', 'withdrawn'] as const)('is null for a %s case', (status) => {
    expect(nextDue(aCase({ status }).state)).toBeNull()
  })

  it('skips deadlines already flagged at the province', () => {
    // At the province since 05:00Z on 3 March: 30 days to resolve, reminded a day before.
    let h = aCase({ level: 'province', status: 'in_progress' })
    expect(nextDue(h.state)).toEqual({ at: '2025-04-01T05:00:00.000Z', command: 'RemindDeadline' })
    h = step(h, { type: 'RemindDeadline', at: '2025-04-01T05:00:00.000Z', actor: 'system' })
    expect(nextDue(h.state)).toEqual({ at: '2025-04-02T05:00:00.000Z', command: 'MissDeadline' })
    h = step(h, { type: 'MissDeadline', at: '2025-04-02T05:00:00.000Z', actor: 'system' })
    expect(nextDue(h.state)).toBeNull()
  })

  it('is written as a UTC ISO string, so due times sort as strings', () => {
    const due = nextDue(aCase().state)
    expect(due?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  })
})

describe('reminderAt', () => {
  it('is remindHoursBefore before the deadline when that is in the second half of its time', () => {
    // 7 days to resolve: 24 hours before.
    expect(reminderAt('2025-03-10T01:00:00.000Z', '2025-03-03T01:00:00.000Z')).toBe('2025-03-09T01:00:00.000Z')
  })

  it('is never in the first half of the time the holder had', () => {
    expect(reminderAt('2025-03-04T01:00:00.000Z', '2025-03-03T01:00:00.000Z')).toBe('2025-03-03T13:00:00.000Z')
  })

  it('follows the policy', () => {
    const policy = { ...DEFAULT_CASE_POLICY, remindHoursBefore: 2 }
    expect(reminderAt('2025-03-04T01:00:00.000Z', '2025-03-03T01:00:00.000Z', policy)).toBe('2025-03-03T23:00:00.000Z')
  })
})

describe('RemindDeadline (临期提醒)', () => {
  it('reminds the holder of the deadline that is near, at the holder', () => {
    const h = aCase()
    const events = eventsOf(given(h.events).when({ type: 'RemindDeadline', at: '2025-03-03T13:00:00.000Z', actor: 'system' }))
    expect(events).toEqual([
      { type: 'DeadlineReminded', at: '2025-03-03T13:00:00.000Z', level: 'village', orgId: 'v-hemu', deadline: 'accept', due: '2025-03-04T01:00:00.000Z' },
    ])
  })

  it('goes once per deadline: a second run is refused', () => {
    const h = step(aCase(), { type: 'RemindDeadline', at: '2025-03-03T13:00:00.000Z', actor: 'system' })
    expect(errorOf(given(h.events).when({ type: 'RemindDeadline', at: '2025-03-03T20:00:00.000Z', actor: 'system' }))).toEqual({
      code: 'CONFLICT',
      message: '尚未到提醒时间',
    })
    expect(dueCommandAt(h.state, '2025-03-03T20:00:00.000Z')).toBeNull()
  })

  it('is not due before its time', () => {
    expect(errorOf(given(aCase().events).when({ type: 'RemindDeadline', at: '2025-03-03T12:59:59.999Z', actor: 'system' })).message).toBe(
      '尚未到提醒时间',
    )
  })

  it('comes late rather than never: a run after its time and before the deadline still sends it', () => {
    const { state } = aCase()
    expect(dueCommandAt(state, '2025-03-04T00:59:00.000Z')).toBe('RemindDeadline')
    expect(remindersDue(state, '2025-03-04T00:59:00.000Z')).toEqual([
      { kind: 'accept', at: '2025-03-03T13:00:00.000Z', deadline: '2025-03-04T01:00:00.000Z' },
    ])
  })

  it('is never sent for a deadline that has passed: the case escalates instead', () => {
    const h = aCase()
    expect(dueCommandAt(h.state, '2025-03-04T01:00:00.000Z')).toBe('MissDeadline')
    expect(errorOf(given(h.events).when({ type: 'RemindDeadline', at: '2025-03-04T01:00:00.000Z', actor: 'system' }))).toEqual({
      code: 'CONFLICT',
      message: '办理期限已过，无需提醒',
    })
  })

  it('is due for each new deadline: after an escalation, the new holder gets its own', () => {
    let h = step(aCase(), { type: 'RemindDeadline', at: '2025-03-03T13:00:00.000Z', actor: 'system' })
    h = step(h, { type: 'MissDeadline', at: '2025-03-04T01:00:00.000Z', actor: 'system' })
    expect(h.state).toMatchObject({ level: 'township', acceptBy: '2025-03-05T01:00:00.000Z' })
    expect(nextDue(h.state)).toEqual({ at: '2025-03-04T13:00:00.000Z', command: 'RemindDeadline' })
    const [reminded] = eventsOf(decide({ type: 'RemindDeadline', at: '2025-03-04T13:00:00.000Z', actor: 'system' }, h.state))
    expect(reminded).toMatchObject({ orgId: 't-xianlin', deadline: 'accept', due: '2025-03-05T01:00:00.000Z' })
  })

  it('stops for the accept deadline once the case is accepted; the resolve deadline gets one', () => {
    const accepted = step(aCase(), { type: 'AcceptCase', at: '2025-03-03T02:00:00.000Z', actor: holderOf(aCase().state) })
    expect(remindersDue(accepted.state, '2025-03-03T13:00:00.000Z')).toEqual([])
    expect(remindersDue(accepted.state, '2025-03-09T01:00:00.000Z').map((r) => r.kind)).toEqual(['resolve'])
  })

  it('is due again for a deadline a take-over set', () => {
    let h = step(aCase(), { type: 'RemindDeadline', at: '2025-03-03T13:00:00.000Z', actor: 'system' })
    h = step(h, { type: 'TakeOverCase', at: '2025-03-03T14:00:00.000Z', actor: cadreAt('county'), reason: '提级办理' })
    expect(h.state.reminded).toBeUndefined()
    expect(nextDue(h.state)).toEqual({ at: hoursAfter('2025-03-03T14:00:00.000Z', 12), command: 'RemindDeadline' })
  })

  it('is only the system’s', () => {
    const h = aCase()
    expect(errorOf(given(h.events).when({ type: 'RemindDeadline', at: '2025-03-03T13:00:00.000Z', actor: holderOf(h.state) })).code).toBe('FORBIDDEN')
  })
})
