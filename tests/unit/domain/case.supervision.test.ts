/**
 * The supervising levels' two moves (docs/RULES.md "Supervision"): 催办 (UrgeCase) and 提级办理
 * (TakeOverCase), by a cadre of an org strictly above the holder on the case's chain — who may, what
 * each records, who hears of it, what it counts, what a redacted viewer sees of it.
 */
import { counterDeltas, deadlinesAt, redactCase, timelineEntryOf, HIDDEN_TEXT } from '../../../cloudfunctions/_shared/domain'
import { planCaseMessages } from '../../../cloudfunctions/_shared/domain/case.notification-plan'
import {
  REPORTER,
  STRANGER,
  aCase,
  aChain,
  aPerson,
  cadreAt,
  convenerOf,
  errorOf,
  eventsOf,
  given,
  holderOf,
  hoursAfter,
  memberOf,
  provinceAdmin,
  step,
  type History,
} from './case.builders'

const urge = (h: History, actor = cadreAt('township'), hours = 1, note?: string) =>
  given(h.events).when({ type: 'UrgeCase', at: hoursAfter(h.at, hours), actor, ...(note !== undefined && { note }) })
const takeOver = (h: History, actor = cadreAt('county'), reason = '群众多次反映，由区妇联直接办理') =>
  given(h.events).when({ type: 'TakeOverCase', at: hoursAfter(h.at, 1), actor, reason })

const FORBIDDEN = { code: 'FORBIDDEN', message: '只有上级妇联干部可以催办或提级办理该反映' }

describe('UrgeCase (催办)', () => {
  it('records who urged whom, with the note, and the case stays where it is', () => {
    const h = aCase()
    const events = eventsOf(urge(h, cadreAt('township'), 1, '请尽快联系反映人'))
    expect(events).toEqual([
      {
        type: 'CaseUrged',
        at: '2025-03-03T02:00:00.000Z',
        level: 'village',
        orgId: 'v-hemu',
        by: { openid: 'o-cadre-township', role: 'cadre' },
        fromLevel: 'township',
        fromOrgId: 't-xianlin',
        note: '请尽快联系反映人',
      },
    ])
    const after = step(h, { type: 'UrgeCase', at: '2025-03-03T02:00:00.000Z', actor: cadreAt('township'), note: '请尽快联系反映人' }).state
    expect(after).toMatchObject({ status: 'pending', level: 'village', holderOrgId: 'v-hemu', acceptBy: h.state.acceptBy })
    expect(after.urges).toEqual([
      { at: '2025-03-03T02:00:00.000Z', fromOrgId: 't-xianlin', fromLevel: 'township', orgId: 'v-hemu', level: 'village', note: '请尽快联系反映人' },
    ])
  })

  it('may come from any org above the holder, up to the province', () => {
    for (const level of ['township', 'county', 'city', 'province'] as const) {
      expect(eventsOf(urge(aCase(), cadreAt(level)))[0]).toMatchObject({ fromLevel: level, fromOrgId: aChain()[level] })
    }
  })

  it('is refused to the holder, to those below it, to the council, the admin, the reporter and strangers', () => {
    const atTownship = aCase({ level: 'township' })
    const refusedTo = [
      [aCase(), convenerOf()],
      [aCase(), cadreAt('village')],
      [aCase(), memberOf()],
      [atTownship, cadreAt('township')],
      [atTownship, cadreAt('village')],
      [atTownship, convenerOf()],
      [aCase(), provinceAdmin()],
      [aCase(), REPORTER],
      [aCase(), STRANGER],
      // Above in some tree, but not on this case's chain.
      [aCase(), aPerson('o-other-township', { role: 'cadre', orgId: 't-other' })],
    ] as const
    for (const [h, actor] of refusedTo) expect(errorOf(urge(h, actor))).toEqual(FORBIDDEN)
  })

  it('is refused on a case no longer being handled', () => {
    for (const status of ['resolved', 'closed', 'withdrawn'] as const) expect(errorOf(urge(aCase({ status }))).code).toBe('CONFLICT')
  })

  it('goes from one org to one holder at most once in 24 hours; another org may, and the next holder may be urged at once', () => {
    const h = aCase()
    const urged = step(h, { type: 'UrgeCase', at: hoursAfter(h.at, 1), actor: cadreAt('township') })
    expect(errorOf(urge(urged, cadreAt('township'), 23)).reason).toBe('ALREADY_URGED')
    expect(eventsOf(urge(urged, cadreAt('township'), 24))).toHaveLength(1)
    expect(eventsOf(urge(urged, cadreAt('county'), 1))).toHaveLength(1)

    // The city urges the township; the case goes up to the county, which the city may urge at once.
    const atTownship = aCase({ level: 'township' })
    const byCity = step(atTownship, { type: 'UrgeCase', at: hoursAfter(atTownship.at, 1), actor: cadreAt('city') })
    const up = step(byCity, { type: 'EscalateCase', at: hoursAfter(byCity.at, 1), actor: cadreAt('township'), reason: '需区里协调' })
    expect(eventsOf(urge(up, cadreAt('city')))).toHaveLength(1)
  })

  it('keeps no blank note', () => {
    expect(eventsOf(urge(aCase(), cadreAt('township'), 1, '   '))[0]).not.toHaveProperty('note')
  })

  it('tells the holder’s convener and cadres, and counts an urge at the level urged, for every org on the chain', () => {
    const h = aCase()
    const events = eventsOf(urge(h))
    const after = step(h, { type: 'UrgeCase', at: events[0]!.at, actor: cadreAt('township') }).state
    expect(planCaseMessages(events, after)).toEqual([
      { audience: { kind: 'org', orgId: 'v-hemu', roles: ['convener', 'cadre'] }, kind: 'case_urged', eventIndex: 0 },
    ])
    expect(counterDeltas(events, h.state, after)).toEqual({ urged: 1, 'urged:village': 1 })
  })

  it('hides its note from a viewer of a redacted case', () => {
    const h = aCase({ submit: { category: 'marriage_family' } })
    const urged = step(h, { type: 'UrgeCase', at: hoursAfter(h.at, 1), actor: cadreAt('township'), note: '她丈夫又来闹了' })
    expect(JSON.stringify(redactCase(urged.state, 'redacted'))).not.toContain('她丈夫又来闹了')
    expect(redactCase(urged.state, 'redacted')?.urges?.[0]?.note).toBe(HIDDEN_TEXT)
    expect(timelineEntryOf(urged.events.at(-1)!, 'redacted')).toMatchObject({ note: HIDDEN_TEXT })
    expect(timelineEntryOf(urged.events.at(-1)!, 'full')).toMatchObject({ note: '她丈夫又来闹了' })
  })
})

describe('TakeOverCase (提级办理)', () => {
  it('moves the case up to the org of the cadre who took it, pending, with fresh deadlines of its level', () => {
    const h = aCase({ status: 'in_progress' })
    const at = hoursAfter(h.at, 1)
    const events = eventsOf(takeOver(h))
    expect(events).toEqual([
      {
        type: 'CaseTakenOver',
        at,
        level: 'village',
        orgId: 'v-hemu',
        by: { openid: 'o-cadre-county', role: 'cadre' },
        fromLevel: 'village',
        toLevel: 'county',
        toOrgId: 'c-qixia',
        reason: '群众多次反映，由区妇联直接办理',
        ...deadlinesAt('county', at),
      },
    ])
    const after = step(h, { type: 'TakeOverCase', at, actor: cadreAt('county'), reason: '群众多次反映，由区妇联直接办理' }).state
    expect(after).toMatchObject({ status: 'pending', level: 'county', holderOrgId: 'c-qixia', arrivedAt: at, ...deadlinesAt('county', at) })
    // A fresh round: the village's acceptance stays in the timeline only.
    expect(after.acceptedAt).toBeUndefined()
    expect(after.takeOvers).toEqual([{ at, fromLevel: 'village', fromOrgId: 'v-hemu', toLevel: 'county', toOrgId: 'c-qixia' }])
  })

  it('is refused to the holder and everyone not above it on the chain', () => {
    const atCounty = aCase({ level: 'county' })
    for (const actor of [cadreAt('county'), cadreAt('township'), cadreAt('village'), convenerOf(), provinceAdmin(), REPORTER]) {
      expect(errorOf(takeOver(atCounty, actor))).toEqual(FORBIDDEN)
    }
    // At the province nobody is above.
    expect(errorOf(takeOver(aCase({ level: 'province' }), cadreAt('province')))).toEqual(FORBIDDEN)
  })

  it('needs a reason, and a case still being handled', () => {
    expect(errorOf(takeOver(aCase(), cadreAt('county'), ' '))).toEqual({ code: 'INVALID_INPUT', message: '请填写提级办理的理由' })
    expect(errorOf(takeOver(aCase({ status: 'resolved' }))).reason).toBe('CASE_CLOSED')
  })

  it('tells the reporter, the org it left and the org that holds it now; counts an arrival there', () => {
    const h = aCase()
    const events = eventsOf(takeOver(h))
    const after = step(h, { type: 'TakeOverCase', at: events[0]!.at, actor: cadreAt('county'), reason: '提级' }).state
    expect(planCaseMessages(events, after).map((m) => [m.audience, m.kind])).toEqual([
      [{ kind: 'reporter' }, 'case_taken_over'],
      [{ kind: 'org', orgId: 'v-hemu', roles: ['convener', 'cadre'] }, 'case_pulled_up'],
      [{ kind: 'org', orgId: 'c-qixia', roles: ['convener', 'cadre'] }, 'case_arrived'],
    ])
    expect(counterDeltas(events, h.state, after)).toEqual({ 'arrived:county': 1 })
  })

  it('continues the ladder from there: a missed deadline goes on up to the city, and only a hand-back brings it down', () => {
    let h = step(aCase(), { type: 'TakeOverCase', at: '2025-03-03T02:00:00.000Z', actor: cadreAt('county'), reason: '提级' })
    h = step(h, { type: 'MissDeadline', at: h.state.acceptBy, actor: 'system' })
    expect(h.state).toMatchObject({ level: 'city', holderOrgId: 'ci-nanjing', status: 'pending' })
    h = step(h, { type: 'HandBackCase', at: hoursAfter(h.at, 1), actor: cadreAt('city'), toOrgId: 'v-hemu', instructions: '请村里先调解' })
    expect(h.state).toMatchObject({ level: 'village', holderOrgId: 'v-hemu' })
  })

  it('hides its reason from a viewer of a redacted case', () => {
    const h = step(aCase({ submit: { category: 'personal' } }), {
      type: 'TakeOverCase',
      at: '2025-03-03T02:00:00.000Z',
      actor: cadreAt('county'),
      reason: '涉及家暴，区妇联直接办理',
    })
    expect(timelineEntryOf(h.events.at(-1)!, 'redacted')).toMatchObject({ reason: HIDDEN_TEXT })
  })

  it('leaves the urges of the case in its history, naming the holder each was for', () => {
    let h = aCase()
    h = step(h, { type: 'UrgeCase', at: hoursAfter(h.at, 1), actor: cadreAt('township') })
    h = step(h, { type: 'TakeOverCase', at: hoursAfter(h.at, 1), actor: cadreAt('township'), reason: '街道直接办理' })
    expect(h.state.urges?.map((u) => [u.fromOrgId, u.orgId])).toEqual([['t-xianlin', 'v-hemu']])
    expect(holderOf(h.state).openid).toBe('o-cadre-township')
  })
})
