/**
 * 延期 (RequestExtension, DecideExtension; docs/RULES.md "转办 and 延期"): the holder asks before its
 * resolve deadline, once per level, for at most the level's own resolve days; a cadre of the parent org
 * answers. Approved, resolveBy moves by the days asked and the timers follow it; refused, nothing moves.
 */
import {
  counterDeltas,
  dueCommandAt,
  HIDDEN_TEXT,
  nextDue,
  pendingExtension,
  pendingReminders,
  redactCase,
  reminderAt,
  timelineEntryOf,
  type CaseCommand,
} from '../../../cloudfunctions/_shared/domain'
import { planCaseMessages } from '../../../cloudfunctions/_shared/domain/case.notification-plan'
import {
  REPORTER,
  aCase,
  aPerson,
  cadreAt,
  convenerOf,
  daysAfter,
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

const ask = (h: History, days = 5, options: { actor?: CaseCommand['actor']; at?: string; reason?: string } = {}) =>
  given(h.events).when({
    type: 'RequestExtension',
    at: options.at ?? hoursAfter(h.at, 1),
    actor: options.actor ?? holderOf(h.state),
    days,
    reason: options.reason ?? '需要等司法鉴定结果',
  })
const asked = (h: History, days = 5, at = hoursAfter(h.at, 1)): History =>
  step(h, { type: 'RequestExtension', at, actor: holderOf(h.state), days, reason: '需要等司法鉴定结果' })
const decide = (h: History, approve: boolean, options: { actor?: CaseCommand['actor']; at?: string; note?: string } = {}) =>
  given(h.events).when({
    type: 'DecideExtension',
    at: options.at ?? hoursAfter(h.at, 1),
    actor: options.actor ?? cadreAt('township'),
    approve,
    ...(options.note !== undefined && { note: options.note }),
  })
const decided = (h: History, approve: boolean, actor = cadreAt('township'), at = hoursAfter(h.at, 1)): History =>
  step(h, { type: 'DecideExtension', at, actor, approve })

describe('RequestExtension (申请延期)', () => {
  it('records the request against the resolve deadline the case has now; nothing moves yet', () => {
    const h = aCase({ status: 'in_progress' })
    const at = hoursAfter(h.at, 1)
    expect(eventsOf(ask(h))).toEqual([
      {
        type: 'ExtensionRequested',
        at,
        level: 'village',
        orgId: 'v-hemu',
        by: { openid: 'o-convener', role: 'convener' },
        days: 5,
        reason: '需要等司法鉴定结果',
        resolveBy: h.state.resolveBy,
      },
    ])
    const after = asked(h)
    expect(after.state.resolveBy).toBe(h.state.resolveBy)
    expect(pendingExtension(after.state)).toEqual({
      at,
      level: 'village',
      orgId: 'v-hemu',
      days: 5,
      reason: '需要等司法鉴定结果',
      resolveBy: h.state.resolveBy,
      round: h.state.arrivedAt,
    })
  })

  it('asks at most the level’s own resolve days, at least one', () => {
    const village = aCase()
    expect(eventsOf(ask(village, 7))).toHaveLength(1)
    expect(errorOf(ask(village, 8))).toEqual({ code: 'INVALID_INPUT', message: '延期天数应在 1 到 7 天之间' })
    expect(errorOf(ask(village, 0)).code).toBe('INVALID_INPUT')
    expect(errorOf(ask(village, 2.5)).code).toBe('INVALID_INPUT')
    expect(eventsOf(ask(aCase({ level: 'township' }), 10))).toHaveLength(1)
    expect(eventsOf(ask(aCase({ level: 'city' }), 20))).toHaveLength(1)
    expect(errorOf(ask(aCase({ level: 'county' }), 16)).message).toBe('延期天数应在 1 到 15 天之间')
    expect(errorOf(ask(village, 3, { reason: ' ' }))).toEqual({ code: 'INVALID_INPUT', message: '请填写延期理由' })
  })

  it('comes before the resolve deadline, from the holder, below the province', () => {
    const h = aCase({ status: 'in_progress' })
    expect(eventsOf(ask(h, 3, { at: hoursAfter(h.state.resolveBy, -0.01) }))).toHaveLength(1)
    expect(errorOf(ask(h, 3, { at: h.state.resolveBy })).reason).toBe('DEADLINE_PASSED')
    for (const actor of [memberOf(), cadreAt('township'), provinceAdmin(), REPORTER]) {
      expect(errorOf(ask(h, 3, { actor }))).toEqual({ code: 'FORBIDDEN', message: '只有当前承办组织的议事会主任或妇联干部可以办理该反映' })
    }
    expect(errorOf(ask(aCase({ level: 'province' }), 3)).reason).toBe('TOP_LEVEL')
    expect(errorOf(ask(aCase({ status: 'resolved' }), 3)).reason).toBe('CASE_CLOSED')
  })

  it('is one per level for the case’s whole life: not again after an answer, nor when the case comes back', () => {
    const once = asked(aCase())
    expect(errorOf(ask(once, 2)).reason).toBe('EXTENSION_USED')
    expect(errorOf(ask(decided(once, false), 2)).reason).toBe('EXTENSION_USED')
    // Up at the township it may ask once there; handed back to the village, the village has had its one.
    const up = step(decided(once, true), { type: 'EscalateCase', at: hoursAfter(once.at, 3), actor: convenerOf(), reason: '需街道协调' })
    expect(eventsOf(ask(up, 10))).toHaveLength(1)
    const back = step(up, { type: 'HandBackCase', at: hoursAfter(up.at, 1), actor: cadreAt('township'), toOrgId: 'v-hemu', instructions: '请村里办' })
    expect(errorOf(ask(back, 2)).reason).toBe('EXTENSION_USED')
  })
})

describe('DecideExtension (审批延期)', () => {
  it('approved, moves the resolve deadline by the days asked', () => {
    const h = asked(aCase({ status: 'in_progress' }), 5)
    const moved = '2025-03-15T01:00:00.000Z' // filed at T0, 7 days, 5 more
    expect(h.state.resolveBy).toBe('2025-03-10T01:00:00.000Z')
    expect(eventsOf(decide(h, true, { note: '同意，请按期办结' }))[0]).toMatchObject({
      type: 'ExtensionDecided',
      level: 'village',
      orgId: 'v-hemu',
      by: { openid: 'o-cadre-township', role: 'cadre' },
      approve: true,
      days: 5,
      note: '同意，请按期办结',
      fromLevel: 'township',
      fromOrgId: 't-xianlin',
      resolveBy: moved,
    })
    const after = decided(h, true)
    expect(after.state.resolveBy).toBe(moved)
    expect(pendingExtension(after.state)).toBeUndefined()
    expect(after.state.extensions?.[0]?.decision).toMatchObject({ approve: true, orgId: 't-xianlin', level: 'township', resolveBy: moved })
  })

  it('refused, keeps the deadline and records the answer', () => {
    const h = asked(aCase({ status: 'in_progress' }))
    const after = step(h, { type: 'DecideExtension', at: hoursAfter(h.at, 1), actor: cadreAt('township'), approve: false, note: '理由不充分' })
    expect(after.state.resolveBy).toBe(h.state.resolveBy)
    expect(after.state.extensions?.[0]?.decision).toMatchObject({ approve: false, note: '理由不充分', resolveBy: h.state.resolveBy })
    expect(errorOf(decide(after, true)).reason).toBe('NO_EXTENSION_REQUEST')
  })

  it('is the parent org’s cadre’s alone', () => {
    const h = asked(aCase())
    const forbidden = { code: 'FORBIDDEN', message: '只有上一级妇联干部可以审批延期申请' }
    const others = [cadreAt('county'), cadreAt('province'), cadreAt('village'), convenerOf(), provinceAdmin(), REPORTER, aPerson('o-t2', { role: 'cadre', orgId: 't-2' })]
    for (const actor of others) expect([actor, errorOf(decide(h, true, { actor }))]).toEqual([actor, forbidden])
  })

  it('answers only a request of the round: one the case left behind has lapsed', () => {
    const h = asked(aCase())
    const up = step(h, { type: 'MissDeadline', at: h.state.acceptBy, actor: 'system' })
    expect(pendingExtension(up.state)).toBeUndefined()
    expect(errorOf(decide(up, true, { actor: cadreAt('county') })).reason).toBe('NO_EXTENSION_REQUEST')
  })

  it('does not approve once the deadline has passed (the sweep escalates it); a refusal then is still recorded', () => {
    const h = asked(aCase({ status: 'in_progress' }))
    expect(errorOf(decide(h, true, { at: h.state.resolveBy })).reason).toBe('DEADLINE_PASSED')
    expect(eventsOf(decide(h, false, { at: h.state.resolveBy }))).toHaveLength(1)
  })

  it('and the timers follow an approved deadline: no escalation at the old one, a reminder for the new one', () => {
    let h = aCase({ status: 'in_progress' })
    const old = h.state.resolveBy
    // The old deadline's reminder went out, a day before it.
    h = step(h, { type: 'RemindDeadline', at: reminderAt(old, h.state.arrivedAt), actor: 'system' })
    h = decided(asked(h, 5, hoursAfter(h.at, 1)), true)
    const extended = h.state.resolveBy
    expect(extended).toBe(daysAfter(old, 5))
    expect(dueCommandAt(h.state, old)).toBeNull()
    expect(errorOf(given(h.events).when({ type: 'MissDeadline', at: old, actor: 'system' }))).toMatchObject({ code: 'CONFLICT' })
    expect(pendingReminders(h.state)).toEqual([{ kind: 'resolve', at: hoursAfter(extended, -24), deadline: extended }])
    expect(nextDue(h.state)).toEqual({ at: hoursAfter(extended, -24), command: 'RemindDeadline' })
    const escalated = eventsOf(given(h.events).when({ type: 'MissDeadline', at: extended, actor: 'system' }))[0]
    expect(escalated).toMatchObject({ type: 'CaseEscalated', missed: 'resolve', toLevel: 'township' })
  })
})

describe('延期: who hears, what is counted, what a redacted viewer sees', () => {
  it('tells the parent’s cadres of the request, the holder of the answer, her of more time', () => {
    const h = aCase()
    const request = asked(h)
    expect(planCaseMessages(request.events.slice(h.events.length), request.state)).toEqual([
      { audience: { kind: 'org', orgId: 't-xianlin', roles: ['cadre'] }, kind: 'extension_requested', eventIndex: 0 },
    ])
    const yes = decided(request, true)
    expect(planCaseMessages(yes.events.slice(request.events.length), yes.state).map((m) => [m.audience, m.kind])).toEqual([
      [{ kind: 'org', orgId: 'v-hemu', roles: ['convener', 'cadre'] }, 'extension_decided'],
      [{ kind: 'reporter' }, 'case_extended'],
    ])
    const no = decided(request, false)
    expect(planCaseMessages(no.events.slice(request.events.length), no.state).map((m) => m.kind)).toEqual(['extension_decided'])
  })

  it('counts each request and each approval; a case resolved by its extended deadline is on time', () => {
    const h = aCase({ status: 'in_progress' })
    const request = asked(h)
    expect(counterDeltas(request.events.slice(h.events.length), h.state, request.state)).toEqual({ extensionsRequested: 1 })
    const yes = decided(request, true)
    expect(counterDeltas(yes.events.slice(request.events.length), request.state, yes.state)).toEqual({ extensionsApproved: 1 })
    expect(counterDeltas(decided(request, false).events.slice(request.events.length), request.state, decided(request, false).state)).toEqual({})
    const late = step(yes, { type: 'ResolveCase', at: daysAfter(h.state.resolveBy, 2), actor: convenerOf(), outcome: 'solved', resolution: '已调解' })
    expect(counterDeltas(late.events.slice(yes.events.length), yes.state, late.state)).toMatchObject({ 'resolved:village': 1, resolvedOnTime: 1 })
  })

  it('hides the reason and the answer’s note from a viewer of a redacted case', () => {
    const h = asked(aCase({ submit: { category: 'marriage_family' } }))
    const after = step(h, { type: 'DecideExtension', at: hoursAfter(h.at, 1), actor: cadreAt('township'), approve: true, note: '她在走离婚程序' })
    const view = JSON.stringify(redactCase(after.state, 'redacted'))
    expect(view).not.toContain('司法鉴定')
    expect(view).not.toContain('离婚')
    expect(timelineEntryOf(after.events.at(-2)!, 'redacted')).toMatchObject({ reason: HIDDEN_TEXT })
    expect(timelineEntryOf(after.events.at(-1)!, 'redacted')).toMatchObject({ note: HIDDEN_TEXT })
  })
})
