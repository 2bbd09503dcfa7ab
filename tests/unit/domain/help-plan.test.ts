/**
 * 帮扶方案 (domain/help-plan.rules.ts and the decider's PlanTask / CompleteTask / ResolveCase): who may
 * be named, when a task may be set and completed, what the views show of it, and — for any life of a
 * plan — that resolving is refused exactly when tasks are open and nothing is said of them.
 */
import fc from 'fast-check'
import {
  decide,
  evolve,
  openTasks,
  redactCase,
  timelineEntryOf,
  type CaseCommand,
  type Person,
  type TaskAssigneeCandidate,
} from '../../../cloudfunctions/_shared/domain'
import { timelineText } from '../../../cloudfunctions/_shared/cases/message-text'
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
  holderOf,
  hoursAfter,
  memberOf,
  step,
  type History,
} from './case.builders'

const chain = aChain()
const MEMBER = memberOf(chain)
const names = (id: string) => ({ 'v-hemu': '和睦村', 't-xianlin': '仙林街道' })[id] ?? id

const asMember = (p: Person): TaskAssigneeCandidate => ({ kind: 'member', openid: p.openid, name: '周秀英', roles: p.roles })
const VOLUNTEER: TaskAssigneeCandidate = { kind: 'volunteer', name: '王秀兰', phone: '13912345678' }

function plan(h: History, assignee: TaskAssigneeCandidate, more: Partial<{ at: string; dueAt: string; actor: Person; title: string }> = {}): CaseCommand {
  const at = more.at ?? hoursAfter(h.at, 1)
  return { type: 'PlanTask', at, actor: more.actor ?? holderOf(h.state), title: more.title ?? '协助登记', assignee, dueAt: more.dueAt ?? hoursAfter(at, 24) }
}

const accepted = (spec: Parameters<typeof aCase>[0] = {}) => aCase({ status: 'in_progress', ...spec })
const sensitive = { submit: { category: 'marriage_family' as const } }

describe('setting a task', () => {
  test('the holder names a volunteer: the task is open, t1, at the holder, her phone kept for the holder', () => {
    const h = accepted()
    const [event] = eventsOf(decide(plan(h, VOLUNTEER), h.state))
    expect(event).toMatchObject({ type: 'TaskPlanned', orgId: 'v-hemu', task: { id: 't1', title: '协助登记', assignee: VOLUNTEER } })
    const after = evolve(h.state, event!)
    expect(after.tasks).toEqual([expect.objectContaining({ id: 't1', status: 'open', orgId: 'v-hemu', level: 'village' })])
    expect(openTasks(after)).toHaveLength(1)
  })

  test('a member of the village council is named while the township holds the case; her bindings are not kept', () => {
    const h = accepted({ level: 'township' })
    const [event] = eventsOf(decide(plan(h, asMember(MEMBER)), h.state))
    expect(event).toMatchObject({ type: 'TaskPlanned', orgId: 't-xianlin', task: { assignee: { kind: 'member', openid: MEMBER.openid, name: '周秀英' } } })
    expect(JSON.stringify(event)).not.toContain('roles')
  })

  test.each([
    ['a stranger', STRANGER, '只能安排本级或本村（社区）议事会的成员、妇联干部承办'],
    ['a cadre of the county above the holder', cadreAt('county'), '只能安排本级或本村（社区）议事会的成员、妇联干部承办'],
    ['a member of another village', aPerson('o-elsewhere', { role: 'member', orgId: 'v-other' }), '只能安排本级或本村（社区）议事会的成员、妇联干部承办'],
  ])('%s may not be named', (_who, person, message) => {
    const h = accepted()
    expect(errorOf(decide(plan(h, asMember(person)), h.state))).toEqual({ code: 'INVALID_INPUT', message })
  })

  test('on a sensitive case only the holder’s convener and cadres: never an ordinary member', () => {
    const h = accepted(sensitive)
    expect(errorOf(decide(plan(h, asMember(MEMBER)), h.state))).toEqual({
      code: 'INVALID_INPUT',
      message: '涉及个人隐私的反映，只能安排本级议事会主任或妇联干部承办',
    })
    expect(decide(plan(h, asMember(convenerOf(chain))), h.state).ok).toBe(true)
    const upstairs = accepted({ ...sensitive, level: 'township' })
    expect(decide(plan(upstairs, asMember(convenerOf(chain))), upstairs.state).ok).toBe(false)
    expect(decide(plan(upstairs, asMember(cadreAt('township'))), upstairs.state).ok).toBe(true)
  })

  test('who, then the state, then the arguments', () => {
    const pending = aCase()
    expect(errorOf(decide(plan(pending, VOLUNTEER, { actor: MEMBER }), pending.state)).code).toBe('FORBIDDEN')
    expect(errorOf(decide(plan(pending, VOLUNTEER), pending.state))).toMatchObject({ code: 'CONFLICT', reason: 'CASE_NOT_ACCEPTED' })
    const resolved = aCase({ status: 'resolved' })
    expect(errorOf(decide(plan(resolved, VOLUNTEER), resolved.state))).toMatchObject({ code: 'CONFLICT', reason: 'CASE_CLOSED' })
    const h = accepted()
    const at = hoursAfter(h.at, 1)
    expect(errorOf(decide(plan(h, VOLUNTEER, { at, dueAt: at }), h.state)).message).toBe('完成日期应晚于现在')
    expect(errorOf(decide(plan(h, VOLUNTEER, { dueAt: hoursAfter(h.state.resolveBy, 1) }), h.state)).message).toBe('完成日期不能晚于这条反映的办结期限')
    expect(decide(plan(h, VOLUNTEER, { dueAt: h.state.resolveBy }), h.state).ok).toBe(true)
    expect(errorOf(decide(plan(h, VOLUNTEER, { title: '  ' }), h.state)).message).toBe('请填写任务内容')
    expect(errorOf(decide(plan(h, { kind: 'volunteer', name: ' ' }), h.state)).message).toBe('请填写志愿者姓名')
  })

  test('the member named is told in 消息; a volunteer (maybe without an account) is not', () => {
    const h = accepted()
    const member = eventsOf(decide(plan(h, asMember(MEMBER)), h.state))
    expect(planCaseMessages(member, h.state)).toEqual([{ audience: { kind: 'person', openid: MEMBER.openid }, kind: 'task_assigned', eventIndex: 0 }])
    expect(planCaseMessages(eventsOf(decide(plan(h, VOLUNTEER), h.state)), h.state)).toEqual([])
  })
})

describe('completing a task', () => {
  const withMemberTask = () => step(accepted(), plan(accepted(), asMember(MEMBER)))

  test('the member named completes her own, recorded as by her', () => {
    const h = withMemberTask()
    const [event] = eventsOf(decide({ type: 'CompleteTask', at: hoursAfter(h.at, 1), actor: MEMBER, taskId: 't1', note: '已陪同登记' }, h.state))
    expect(event).toMatchObject({ type: 'TaskCompleted', taskId: 't1', byAssignee: true, by: { openid: MEMBER.openid, role: 'member' }, note: '已陪同登记' })
    expect(evolve(h.state, event!).tasks?.[0]).toMatchObject({ status: 'done', note: '已陪同登记' })
  })

  test('another member, a stranger, the reporter may not; the holder may (for a volunteer, always she)', () => {
    const h = withMemberTask()
    const at = hoursAfter(h.at, 1)
    for (const actor of [aPerson('o-member-2', { role: 'member', orgId: chain.village }), STRANGER, REPORTER]) {
      expect(errorOf(decide({ type: 'CompleteTask', at, actor, taskId: 't1' }, h.state))).toEqual({
        code: 'FORBIDDEN',
        message: '只有承办单位或这项任务的承办人可以完成这项任务',
      })
    }
    expect(eventsOf(decide({ type: 'CompleteTask', at, actor: holderOf(h.state), taskId: 't1' }, h.state))[0]).toMatchObject({ byAssignee: false })
    expect(errorOf(decide({ type: 'CompleteTask', at, actor: holderOf(h.state), taskId: 't9' }, h.state)).code).toBe('NOT_FOUND')
  })

  test('a task outlives the holder that set it: escalated, the member still completes hers', () => {
    const h = withMemberTask()
    const up = step(h, { type: 'EscalateCase', at: hoursAfter(h.at, 1), actor: holderOf(h.state), reason: '需镇里协调' })
    expect(up.state.tasks?.[0]?.status).toBe('open')
    expect(decide({ type: 'CompleteTask', at: hoursAfter(up.at, 1), actor: MEMBER, taskId: 't1' }, up.state).ok).toBe(true)
  })
})

describe('resolving with open tasks', () => {
  test('said dropped: the open ones settle first, then the case resolves; a done one stays done', () => {
    let h = step(accepted(), plan(accepted(), VOLUNTEER))
    h = step(h, plan(h, VOLUNTEER, { title: '上门走访' }))
    h = step(h, { type: 'CompleteTask', at: hoursAfter(h.at, 1), actor: holderOf(h.state), taskId: 't1' })
    const events = eventsOf(
      decide({ type: 'ResolveCase', at: hoursAfter(h.at, 1), actor: holderOf(h.state), outcome: 'solved', resolution: '已办好', openTasks: 'dropped', openTasksNote: '当事人已搬走' }, h.state),
    )
    expect(events.map((e) => e.type)).toEqual(['TasksSettled', 'CaseResolved'])
    expect(events[0]).toMatchObject({ taskIds: ['t2'], outcome: 'dropped', note: '当事人已搬走' })
    const after = events.reduce(evolve, h.state)
    expect(after.tasks?.map((t) => t.status)).toEqual(['done', 'dropped'])
  })

  test('without open tasks the statement is not needed, and settles nothing', () => {
    const h = accepted()
    const events = eventsOf(decide({ type: 'ResolveCase', at: hoursAfter(h.at, 1), actor: holderOf(h.state), outcome: 'solved', resolution: '已办好', openTasks: 'done' }, h.state))
    expect(events.map((e) => e.type)).toEqual(['CaseResolved'])
  })

  type Move = { kind: 'plan' } | { kind: 'complete'; task: number } | { kind: 'resolve'; say: 'done' | 'dropped' | null }
  const moveArb: fc.Arbitrary<Move> = fc.oneof(
    fc.constant({ kind: 'plan' as const }),
    fc.record({ kind: fc.constant('complete' as const), task: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ kind: fc.constant('resolve' as const), say: fc.constantFrom('done' as const, 'dropped' as const, null) }),
  )

  test('for any plan: resolve is refused (OPEN_TASKS) iff tasks are open and nothing is said; once resolved, none is open', () => {
    fc.assert(
      fc.property(fc.array(moveArb, { maxLength: 12 }), (moves) => {
        let h = accepted()
        for (const move of moves) {
          if (h.state.status !== 'in_progress') break
          const at = hoursAfter(h.at, 1)
          const actor = holderOf(h.state)
          const command: CaseCommand =
            move.kind === 'plan'
              ? plan(h, VOLUNTEER, { at })
              : move.kind === 'complete'
                ? { type: 'CompleteTask', at, actor, taskId: `t${move.task}` }
                : { type: 'ResolveCase', at, actor, outcome: 'solved', resolution: '已办好', ...(move.say && { openTasks: move.say }) }
          const decision = decide(command, h.state)
          if (move.kind === 'resolve') {
            const refused = !decision.ok && decision.error.reason === 'OPEN_TASKS'
            expect(refused).toBe(openTasks(h.state).length > 0 && move.say === null)
            expect(decision.ok).toBe(!refused)
          }
          if (decision.ok) h = { events: [...h.events, ...decision.events], state: decision.events.reduce(evolve, h.state), at }
        }
        if (h.state.status === 'resolved') expect(openTasks(h.state)).toEqual([])
      }),
    )
  })
})

describe('what each viewer sees of it', () => {
  const planned = (h: History) => step(h, plan(h, VOLUNTEER))
  const lineFor = (h: History, visibility: 'full' | 'redacted', forHer: boolean) => {
    const event = h.events.find((e) => e.type === 'TaskPlanned')!
    return timelineText(timelineEntryOf(event, visibility)!, names, forHer, h.state.category === 'marriage_family')
  }

  test('the reporter reads plain progress: who helps in kind, never a name or a number', () => {
    let h = planned(accepted())
    expect(lineFor(h, 'full', true)).toBe('已安排志愿者协助登记')
    h = step(h, { type: 'CompleteTask', at: hoursAfter(h.at, 1), actor: holderOf(h.state), taskId: 't1' })
    const done = timelineEntryOf(h.events.at(-1)!, 'full')!
    expect(timelineText(done, names, true)).toBe('志愿者已完成：协助登记')
  })

  test('on a sensitive case her line names no task', () => {
    expect(lineFor(planned(accepted(sensitive)), 'full', true)).toBe('已安排专人帮助您')
  })

  test('those handling it read the task and the volunteer’s name, never her phone; a redacted viewer neither', () => {
    const h = planned(accepted(sensitive))
    expect(lineFor(h, 'full', false)).toBe('和睦村（村/社区）安排帮扶任务“协助登记”，由巾帼志愿者王秀兰承办，3月4日 11:00前完成')
    expect(JSON.stringify(timelineEntryOf(h.events.at(-1)!, 'full'))).not.toContain('13912345678')
    const hidden = lineFor(h, 'redacted', false)
    expect(hidden).toBe('和睦村（村/社区）安排了一项帮扶任务，3月4日 11:00前完成')
    const view = redactCase(h.state, 'redacted')!
    expect(JSON.stringify(view.tasks)).not.toMatch(/协助登记|王秀兰|13912345678/)
  })
})
