/** What a viewer sees of a case and its timeline. */
import {
  HIDDEN_TEXT,
  PRIVATE_TITLE,
  redactCase,
  timelineEntryOf,
} from '../../../cloudfunctions/_shared/domain'
import { REPORTER, aCase, cadreAt, hoursAfter, step } from './case.builders'

const sensitiveCase = (anonymous = false) => {
  let h = aCase({ level: 'township', status: 'in_progress', submit: { category: 'personal', anonymous } })
  h = step(h, {
    type: 'AssignDepartment',
    at: hoursAfter(h.at, 1),
    actor: cadreAt('township'),
    department: '派出所',
    note: '当事人住址：某某路 8 号',
  })
  h = step(h, { type: 'RecordDepartmentReply', at: hoursAfter(h.at, 1), actor: cadreAt('township'), reply: '已出警' })
  h = step(h, { type: 'ResolveCase', at: hoursAfter(h.at, 1), actor: cadreAt('township'), outcome: 'solved', resolution: '已调解' })
  return h
}

describe('redactCase', () => {
  it('hides nothing in a full view but the openid of anyone but the reporter', () => {
    const { state } = sensitiveCase()
    const view = redactCase(state, 'full', 'o-cadre-township')!
    expect(view).toMatchObject({ title: state.title, content: state.content, redacted: false, mine: false })
    expect(view.reporter).toEqual({ anonymous: false })
  })

  it('shows the reporter her own openid unless she reported anonymously', () => {
    expect(redactCase(sensitiveCase(false).state, 'full', REPORTER.openid)!.reporter).toEqual({
      anonymous: false,
      openid: REPORTER.openid,
    })
    const anonymousView = redactCase(sensitiveCase(true).state, 'full', REPORTER.openid)!
    expect(anonymousView.reporter).toEqual({ anonymous: true })
    expect(anonymousView.mine).toBe(true)
  })

  it('replaces every private text in a redacted view', () => {
    const { state } = sensitiveCase()
    const view = redactCase(state, 'redacted', 'o-member')!
    expect(view).toMatchObject({
      title: PRIVATE_TITLE,
      content: HIDDEN_TEXT,
      redacted: true,
      outcome: { outcome: 'solved', resolution: HIDDEN_TEXT },
      assignment: { department: '派出所', note: HIDDEN_TEXT, answered: { reply: HIDDEN_TEXT } },
      status: 'resolved',
      level: 'township',
    })
    const text = JSON.stringify(view)
    for (const secret of [state.content, state.title, '某某路', '已出警', '已调解', REPORTER.openid]) {
      expect(text).not.toContain(secret)
    }
  })

  it('gives nothing to someone who may not see the case', () => {
    expect(redactCase(sensitiveCase().state, 'none', 'o-stranger')).toBeNull()
  })
})

describe('timelineEntryOf', () => {
  it('never names the person who acted', () => {
    const { events } = sensitiveCase()
    for (const event of events) {
      const entry = timelineEntryOf(event, 'full', 'o-cadre-township')!
      expect(entry).not.toHaveProperty('by')
      expect(entry).toMatchObject({ type: event.type, at: event.at, level: event.level, orgId: event.orgId })
    }
  })

  it('keeps private text out of a redacted timeline', () => {
    const { events, state } = sensitiveCase()
    const text = JSON.stringify(events.map((e) => timelineEntryOf(e, 'redacted', 'o-member')))
    for (const secret of [state.content, '某某路', '已出警', '已调解', REPORTER.openid]) {
      expect(text).not.toContain(secret)
    }
  })

  it('hides a reason a person gave, but not the fixed reason of an automatic escalation', () => {
    let h = aCase({ submit: { category: 'property' } })
    h = step(h, { type: 'MissDeadline', at: h.state.acceptBy, actor: 'system' })
    h = step(h, { type: 'EscalateCase', at: hoursAfter(h.at, 1), actor: cadreAt('township'), reason: '涉及宅基地纠纷' })
    const [auto, byHand] = h.events.slice(1).map((e) => timelineEntryOf(e, 'redacted'))
    expect(auto).toMatchObject({ reason: '超过受理期限未受理，自动上报上级妇联' })
    expect(byHand).toMatchObject({ reason: HIDDEN_TEXT })
  })

  it('is null for someone who may not see the case', () => {
    expect(timelineEntryOf(sensitiveCase().events[0]!, 'none')).toBeNull()
  })
})
