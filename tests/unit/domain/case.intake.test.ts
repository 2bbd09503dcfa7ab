/** Submitting, accepting and resolving a case; the checks every command shares. */
import { decide, fold } from '../../../cloudfunctions/_shared/domain'
import {
  REPORTER,
  STRANGER,
  T0,
  aCase,
  aChain,
  aSubmitCase,
  aSubmittedCase,
  cadreAt,
  convenerOf,
  errorOf,
  eventsOf,
  given,
  hoursAfter,
} from './case.builders'

describe('SubmitCase', () => {
  it('files the case at the village with deadlines from now', () => {
    // Filed Monday 09:00 China time: accept within 24 hours, resolve within 7 days.
    const events = eventsOf(decide(aSubmitCase({ anonymous: true, category: 'personal' }), null))

    expect(events).toEqual([
      {
        type: 'CaseSubmitted',
        at: T0,
        level: 'village',
        orgId: 'v-hemu',
        by: { openid: REPORTER.openid, role: 'resident' },
        caseId: 'case-1',
        kind: 'problem',
        category: 'personal',
        title: '村口路灯坏了三个月',
        content: '晚上接孩子放学路上很黑，希望尽快修好。',
        villageId: 'v-hemu',
        chain: aChain(),
        reporter: { openid: REPORTER.openid, anonymous: true },
        acceptBy: '2025-03-04T01:00:00.000Z',
        resolveBy: '2025-03-10T01:00:00.000Z',
      },
    ])
  })

  it('gives a pending case held by the village', () => {
    const { state } = aSubmittedCase()
    expect(state).toMatchObject({
      status: 'pending',
      level: 'village',
      holderOrgId: 'v-hemu',
      arrivedAt: T0,
      submittedAt: T0,
      reopenCount: 0,
      overdue: { accept: false, resolve: false },
    })
  })

  it.each([
    ['someone else', { actor: STRANGER }],
    ['the system', { actor: 'system' as const }],
  ])('is refused when filed as %s', (_who, overrides) => {
    expect(errorOf(decide(aSubmitCase(overrides), null)).code).toBe('FORBIDDEN')
  })

  it('is refused twice for the same case', () => {
    const { events } = aSubmittedCase()
    expect(errorOf(given(events).when(aSubmitCase())).code).toBe('CONFLICT')
  })

  it.each([
    ['a blank title', { title: '  ' }],
    ['blank content', { content: '' }],
    ['a chain that does not start at the village', { villageId: 'v-other' }],
    ['a chain with a missing level', { chain: { ...aChain(), city: '' } }],
    ['a chain with one org twice', { chain: { ...aChain(), county: 't-xianlin' } }],
    ['a time without a zone', { at: '2025-03-03 09:00' }],
  ])('is invalid with %s', (_what, overrides) => {
    const error = errorOf(decide(aSubmitCase(overrides), null))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/)
  })
})

describe('commands on a case that does not exist', () => {
  it('are NOT_FOUND', () => {
    const decision = decide({ type: 'AcceptCase', at: T0, actor: convenerOf() }, null)
    expect(errorOf(decision)).toEqual({ code: 'NOT_FOUND', message: '没有找到该反映' })
  })
})

describe('AcceptCase', () => {
  it('puts a pending case in progress at its holder', () => {
    const { events, at } = aCase({ level: 'county' })
    const when = hoursAfter(at, 2)

    expect(eventsOf(given(events).when({ type: 'AcceptCase', at: when, actor: cadreAt('county') }))).toEqual([
      {
        type: 'CaseAccepted',
        at: when,
        level: 'county',
        orgId: 'c-qixia',
        by: { openid: 'o-cadre-county', role: 'cadre' },
      },
    ])
  })

  it('is open to the village convener while the village holds the case', () => {
    const { events } = aSubmittedCase()
    const [accepted] = eventsOf(given(events).when({ type: 'AcceptCase', at: hoursAfter(T0, 1), actor: convenerOf() }))
    expect(accepted).toMatchObject({ by: { openid: 'o-convener', role: 'convener' } })
  })

  it.each([
    ['a cadre of a level above the holder', cadreAt('city')],
    ['a cadre of a level below the holder', cadreAt('village')],
    ['the reporter', REPORTER],
    ['a stranger', STRANGER],
    ['the system', 'system' as const],
  ])('is FORBIDDEN to %s', (_who, actor) => {
    const { events, at } = aCase({ level: 'county' })
    expect(errorOf(given(events).when({ type: 'AcceptCase', at: hoursAfter(at, 1), actor })).code).toBe('FORBIDDEN')
  })

  it('is a CONFLICT when already accepted', () => {
    const { events, at } = aCase({ status: 'in_progress' })
    const error = errorOf(given(events).when({ type: 'AcceptCase', at: hoursAfter(at, 1), actor: convenerOf() }))
    expect(error).toEqual({ code: 'CONFLICT', message: '该反映已受理', reason: 'CASE_ALREADY_ACCEPTED' })
  })

  it.each(['closed', 'withdrawn'] as const)('is a CONFLICT on a %s case, like every command', (status) => {
    const { events, at } = aCase({ status })
    const error = errorOf(given(events).when({ type: 'AcceptCase', at: hoursAfter(at, 1), actor: convenerOf() }))
    expect(error.code).toBe('CONFLICT')
  })

  it('checks who asks before the state of the case', () => {
    const { events, at } = aCase({ status: 'closed' })
    expect(errorOf(given(events).when({ type: 'AcceptCase', at: hoursAfter(at, 1), actor: STRANGER })).code).toBe(
      'FORBIDDEN',
    )
  })
})

describe('ResolveCase', () => {
  it('records the outcome at the holder and starts the rating window', () => {
    const { events, at } = aCase({ level: 'township', status: 'in_progress' })
    const when = hoursAfter(at, 5)
    expect(when).toBe('2025-03-03T08:00:00.000Z')
    const decided = eventsOf(
      given(events).when({
        type: 'ResolveCase',
        at: when,
        actor: cadreAt('township'),
        outcome: 'referred',
        resolution: '已转交街道综治办处理',
      }),
    )

    expect(decided).toEqual([
      {
        type: 'CaseResolved',
        at: when,
        level: 'township',
        orgId: 't-xianlin',
        by: { openid: 'o-cadre-township', role: 'cadre' },
        outcome: 'referred',
        resolution: '已转交街道综治办处理',
        // Resolved Monday 16:00 China time; unrated, it closes itself 7 days later.
        autoCloseBy: '2025-03-10T08:00:00.000Z',
      },
    ])
    expect(fold([...events, ...decided])).toMatchObject({
      status: 'resolved',
      resolvedAt: when,
      outcome: { outcome: 'referred', level: 'township', orgId: 't-xianlin', at: when },
    })
  })

  it('needs the case accepted first', () => {
    const { events, at } = aCase()
    const error = errorOf(
      given(events).when({
        type: 'ResolveCase',
        at: hoursAfter(at, 1),
        actor: convenerOf(),
        outcome: 'solved',
        resolution: '已解决',
      }),
    )
    expect(error.code).toBe('CONFLICT')
  })

  it('needs a resolution text', () => {
    const { events, at } = aCase({ status: 'in_progress' })
    const error = errorOf(
      given(events).when({ type: 'ResolveCase', at: hoursAfter(at, 1), actor: convenerOf(), outcome: 'solved', resolution: ' ' }),
    )
    expect(error).toEqual({ code: 'INVALID_INPUT', message: '请填写办理情况' })
  })
})

describe('deadlines set on submission', () => {
  it('follow the policy passed to decide', () => {
    const policy = {
      acceptWithinHours: { village: 2, township: 2, county: 2, city: 2, province: 2 },
      resolveWithinDays: { village: 1, township: 1, county: 1, city: 1, province: 1 },
      autoCloseAfterDays: 1,
      maxReopens: 0,
      remindHoursBefore: 1,
      urgeIntervalHours: 1,
      transferWithinHours: 1,
    }
    const [submitted] = eventsOf(decide(aSubmitCase(), null, policy))
    // Filed at T0 (01:00Z): 2 hours to accept, 1 day to resolve.
    expect(submitted).toMatchObject({ acceptBy: '2025-03-03T03:00:00.000Z', resolveBy: '2025-03-04T01:00:00.000Z' })
  })
})
