/** Assigning a case to a partner department and recording its reply; the case stays with the holder. */
import { fold } from '../../../cloudfunctions/_shared/domain'
import { REPORTER, aCase, cadreAt, errorOf, eventsOf, given, hoursAfter, step } from './case.builders'

const assign = (at: string, followUpBy?: string) => ({
  type: 'AssignDepartment' as const,
  at,
  actor: cadreAt('county'),
  department: '县人社局',
  note: '请核实欠薪情况',
  ...(followUpBy !== undefined && { followUpBy }),
})

describe('AssignDepartment', () => {
  it('records the department on a case in progress; the holder keeps it', () => {
    const { events, at } = aCase({ level: 'county', status: 'in_progress' })
    const when = hoursAfter(at, 1)
    // Three days on: the date the cadre gives, kept as given (it is shown, not timed).
    const followUpBy = '2025-03-06T05:00:00.000Z'
    const decided = eventsOf(given(events).when(assign(when, followUpBy)))

    expect(decided).toEqual([
      {
        type: 'DepartmentAssigned',
        at: when,
        level: 'county',
        orgId: 'c-qixia',
        by: { openid: 'o-cadre-county', role: 'cadre' },
        department: '县人社局',
        note: '请核实欠薪情况',
        followUpBy,
      },
    ])
    expect(fold([...events, ...decided])).toMatchObject({
      status: 'in_progress',
      holderOrgId: 'c-qixia',
      assignment: { department: '县人社局', at: when, followUpBy },
    })
  })

  it('accepts a pending case implicitly: handing it on is taking it on', () => {
    const { events, at } = aCase({ level: 'county' })
    const decided = eventsOf(given(events).when(assign(hoursAfter(at, 1))))
    expect(decided.map((e) => e.type)).toEqual(['CaseAccepted', 'DepartmentAssigned'])
    expect(fold([...events, ...decided])!.status).toBe('in_progress')
  })

  it('writes the follow-up time in one canonical form', () => {
    const { events, at } = aCase({ level: 'county', status: 'in_progress' })
    const [assigned] = eventsOf(given(events).when(assign(at, '2030-01-01T08:00:00+08:00')))
    expect(assigned).toMatchObject({ followUpBy: '2030-01-01T00:00:00.000Z' })
  })

  it.each([
    ['a follow-up time in the past', { followUpBy: '2020-01-01T00:00:00.000Z' }],
    ['a follow-up time that is not a time', { followUpBy: 'next week' }],
    ['no department', { department: ' ' }],
  ])('is INVALID_INPUT with %s', (_what, overrides) => {
    const { events, at } = aCase({ level: 'county', status: 'in_progress' })
    expect(errorOf(given(events).when({ ...assign(hoursAfter(at, 1)), ...overrides })).code).toBe('INVALID_INPUT')
  })

  it('is not for a resolved case', () => {
    const { events, at } = aCase({ level: 'county', status: 'resolved' })
    expect(errorOf(given(events).when(assign(hoursAfter(at, 1)))).code).toBe('CONFLICT')
  })
})

describe('RecordDepartmentReply', () => {
  it("records the department's answer on the assignment", () => {
    let h = aCase({ level: 'county', status: 'in_progress' })
    h = step(h, assign(hoursAfter(h.at, 1)))
    const when = hoursAfter(h.at, 48)
    const decided = eventsOf(
      given(h.events).when({ type: 'RecordDepartmentReply', at: when, actor: cadreAt('county'), reply: '已督促企业补发工资' }),
    )

    expect(decided).toEqual([
      {
        type: 'DepartmentReplied',
        at: when,
        level: 'county',
        orgId: 'c-qixia',
        by: { openid: 'o-cadre-county', role: 'cadre' },
        reply: '已督促企业补发工资',
      },
    ])
    expect(fold([...h.events, ...decided])!.assignment).toMatchObject({ answered: { reply: '已督促企业补发工资', at: when } })
  })

  it('needs an assignment', () => {
    const { events, at } = aCase({ level: 'county', status: 'in_progress' })
    const error = errorOf(
      given(events).when({ type: 'RecordDepartmentReply', at: hoursAfter(at, 1), actor: cadreAt('county'), reply: '已处理' }),
    )
    expect(error.code).toBe('CONFLICT')
  })

  it('is for the holder only', () => {
    let h = aCase({ level: 'county', status: 'in_progress' })
    h = step(h, assign(hoursAfter(h.at, 1)))
    const error = errorOf(given(h.events).when({ type: 'RecordDepartmentReply', at: hoursAfter(h.at, 1), actor: REPORTER, reply: '好' }))
    expect(error.code).toBe('FORBIDDEN')
  })

  it('forgets the assignment when the case moves on', () => {
    let h = aCase({ level: 'county', status: 'in_progress' })
    h = step(h, assign(hoursAfter(h.at, 1)))
    h = step(h, { type: 'EscalateCase', at: hoursAfter(h.at, 1), actor: cadreAt('county'), reason: '需市级协调' })
    expect(h.state).not.toHaveProperty('assignment')
  })
})
