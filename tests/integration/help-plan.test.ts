/**
 * 帮扶方案 (escalation.planTask / completeTask / taskAssignees, and resolve's word on open tasks)
 * through the fixed HTTP surface on each host: the local one on SQLite and the production path (the
 * built escalation bundle on the function runner and the CloudBase emulator, msgSecCheck included).
 * 蒲河村's convener 王秀兰 holds a case of 赵小红's; she names a 巾帼志愿者 without an account and the
 * council member 李桂芳, who is told in 消息 and completes her own; the reporter reads plain progress;
 * resolving asks what became of the open one. The tests run in order on one host per kind.
 */
import { HOST_KINDS, startHost, type SurfaceHost } from '../support/hosts'
import { CONVENER, MEMBER, RESIDENT, TOWNSHIP_CADRE, VILLAGE, VILLAGE_CADRE, aReport } from '../support/demo'
import { dataOf, refusalOf } from '../support/http-client'
import type { CaseDetail } from '../../types/case.contract'
import type { EscalationResults } from '../../types/escalation.contract'
import type { NotifyResults } from '../../types/notify.contract'

const VOLUNTEER_NAME = '孟凡英'
const VOLUNTEER_PHONE = '13912345678'

describe.each(HOST_KINDS)('%s host', (kind) => {
  let host: SurfaceHost
  let caseId = ''
  let sensitiveId = ''
  beforeAll(async () => {
    host = await startHost(kind)
  })
  afterAll(() => host.destroy())

  const now = async () => (await host.get<{ now: string }>('/__dev/clock')).now
  const inDays = async (days: number) => new Date(Date.parse(await now()) + days * 86_400_000).toISOString()
  const escalation = <T>(openid: string, body: Record<string, unknown>) => dataOf<T>(host, 'escalation', openid, body)
  const refusal = (openid: string, body: Record<string, unknown>) => refusalOf(host, 'escalation', openid, body)
  const get = async (openid: string, id = caseId) => (await dataOf<{ case: CaseDetail }>(host, 'intake', openid, { action: 'get', caseId: id })).case
  const lines = (c: CaseDetail) => c.timeline.map((t) => t.text)
  const file = async (overrides: Record<string, unknown> = {}) => {
    const { caseId: id } = await dataOf<{ caseId: string }>(host, 'intake', RESIDENT, aReport({ title: '独居老人需要帮忙办理低保', content: '村东头的张奶奶独居，不会用手机，想办低保不知道怎么办。', ...overrides }))
    await escalation(CONVENER, { action: 'accept', caseId: id })
    return id
  }

  test('the holder is offered the people she may name: the village council and the holder’s cadres', async () => {
    caseId = await file()
    const { items } = await escalation<EscalationResults['taskAssignees']>(CONVENER, { action: 'taskAssignees', caseId })
    const byId = new Map(items.map((i) => [i.openid, i]))
    expect(byId.get(MEMBER)).toMatchObject({ name: '李桂芳', role: 'member', orgId: VILLAGE, orgName: '蒲河村', level: 'village' })
    expect(byId.get(CONVENER)).toMatchObject({ role: 'convener' })
    expect(byId.get(VILLAGE_CADRE)).toMatchObject({ role: 'cadre' })
    expect(byId.has(TOWNSHIP_CADRE)).toBe(false)
    // Listed once each.
    expect(items.length).toBe(byId.size)
    // Whoever may not set tasks may not list them: the reporter, a member, the township above.
    expect(await refusal(RESIDENT, { action: 'taskAssignees', caseId })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await refusal(MEMBER, { action: 'taskAssignees', caseId })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await refusal(TOWNSHIP_CADRE, { action: 'taskAssignees', caseId })).toMatchObject({ code: 'FORBIDDEN' })
  })

  test('she sets a volunteer’s task and a member’s; the member is told in 消息', async () => {
    const volunteer = await escalation<EscalationResults['planTask']>(CONVENER, {
      action: 'planTask',
      caseId,
      title: '协助登记',
      assignee: { kind: 'volunteer', name: VOLUNTEER_NAME, phone: VOLUNTEER_PHONE },
      dueAt: await inDays(2),
    })
    expect(volunteer.taskId).toBe('t1')
    const member = await escalation<EscalationResults['planTask']>(CONVENER, {
      action: 'planTask',
      caseId,
      title: '上门走访',
      assignee: { kind: 'member', openid: MEMBER },
      dueAt: await inDays(3),
    })
    expect(member.taskId).toBe('t2')
    expect(member.case.tasks?.map((t) => [t.id, t.title, t.status, t.assignee.name])).toEqual([
      ['t1', '协助登记', 'open', VOLUNTEER_NAME],
      ['t2', '上门走访', 'open', '李桂芳'],
    ])
    // The holder sees the volunteer's number, to call her.
    expect(member.case.tasks?.[0]?.assignee.phone).toBe(VOLUNTEER_PHONE)
    expect(member.case.can.planTask).toBe(true)

    const { items } = await dataOf<NotifyResults['inbox']>(host, 'notify', MEMBER, { action: 'inbox' })
    const told = items.find((m) => m.kind === 'task_assigned')
    expect(told).toMatchObject({ title: '请您协助一项帮扶任务', page: `/pages/case/index?id=${caseId}` })
    expect(told?.body).toContain('上门走访')
  })

  test('validated, authorized and content-checked like every change', async () => {
    const base = { action: 'planTask', caseId, title: '陪同就医', assignee: { kind: 'volunteer', name: '刘大姐' } }
    expect(await refusal(CONVENER, { ...base, dueAt: new Date(Date.parse(await now()) - 3_600_000).toISOString() })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '完成日期应晚于现在',
    })
    expect(await refusal(CONVENER, { ...base, dueAt: await inDays(30) })).toMatchObject({ code: 'INVALID_INPUT', message: '完成日期不能晚于这条反映的办结期限' })
    expect(await refusal(CONVENER, { ...base, dueAt: await inDays(1), assignee: { kind: 'volunteer', name: '刘大姐', phone: '123' } })).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await refusal(CONVENER, { ...base, dueAt: await inDays(1), assignee: { kind: 'member', openid: TOWNSHIP_CADRE } })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '只能安排本级或本村（社区）议事会的成员、妇联干部承办',
    })
    expect(await refusal(CONVENER, { ...base, dueAt: await inDays(1), title: '访问赌博网站' })).toMatchObject({ code: 'CONTENT_REJECTED' })
    expect(await refusal(MEMBER, { ...base, dueAt: await inDays(1) })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await refusal(CONVENER, { action: 'planTask', caseId: 'case_missing', title: '陪同就医', assignee: base.assignee, dueAt: await inDays(1) })).toMatchObject({
      code: 'NOT_FOUND',
    })
    expect((await get(CONVENER)).tasks).toHaveLength(2)
  })

  test('the reporter reads plain progress: no task list, no name, no number', async () => {
    const hers = await get(RESIDENT)
    expect(hers.tasks).toBeUndefined()
    expect(lines(hers)).toEqual(expect.arrayContaining(['已安排志愿者协助登记', '已安排专人上门走访']))
    expect(JSON.stringify(hers)).not.toMatch(new RegExp(`${VOLUNTEER_NAME}|${VOLUNTEER_PHONE}|李桂芳`))
  })

  test('the member sees her task and completes it; not the volunteer’s, whose number she is not shown', async () => {
    const seen = await get(MEMBER)
    const [t1, t2] = seen.tasks!
    expect(t2).toMatchObject({ id: 't2', assignee: { kind: 'member', mine: true }, canComplete: true })
    expect(t1).toMatchObject({ id: 't1', canComplete: false })
    expect(t1?.assignee.phone).toBeUndefined()
    expect(await refusal(MEMBER, { action: 'completeTask', caseId, taskId: 't1' })).toMatchObject({ code: 'FORBIDDEN' })
    const done = await escalation<EscalationResults['completeTask']>(MEMBER, { action: 'completeTask', caseId, taskId: 't2', note: '已上门，张奶奶材料齐全' })
    expect(done.case.tasks?.[1]).toMatchObject({ status: 'done', note: '已上门，张奶奶材料齐全', canComplete: false })
    expect(await refusal(MEMBER, { action: 'completeTask', caseId, taskId: 't2' })).toMatchObject({ code: 'CONFLICT', reason: 'TASK_CLOSED' })
    expect(lines(await get(RESIDENT))).toContain('已完成：上门走访')
  })

  test('an open task past its due time is marked for the holder', async () => {
    await host.post('/__dev/clock', { advanceHours: 49 })
    const held = await get(CONVENER)
    expect(held.tasks?.map((t) => [t.id, t.overdue])).toEqual([
      ['t1', true],
      ['t2', false],
    ])
  })

  test('resolving asks what became of the open task; said done, the plan is closed and she reads it', async () => {
    // Offered all the same: the 办结 sheet asks the question.
    expect((await get(CONVENER)).can.resolve).toBe(true)
    const resolve = { action: 'resolve', caseId, outcome: 'solved', resolution: '已协助张奶奶递交低保申请。' }
    expect(await refusal(CONVENER, resolve)).toMatchObject({
      code: 'CONFLICT',
      reason: 'OPEN_TASKS',
      message: '还有 1 项帮扶任务未完成，请说明这些任务是已经完成还是不再需要',
    })
    expect(await refusal(CONVENER, { ...resolve, openTasks: 'maybe' })).toMatchObject({ code: 'INVALID_INPUT' })
    const { case: resolved } = await escalation<EscalationResults['resolve']>(CONVENER, { ...resolve, openTasks: 'done', openTasksNote: '志愿者已陪同登记' })
    expect(resolved.status).toBe('resolved')
    expect(resolved.tasks?.map((t) => t.status)).toEqual(['done', 'done'])
    expect(lines(await get(RESIDENT))).toEqual(expect.arrayContaining(['安排的帮扶都已完成']))
    expect(await refusal(CONVENER, { action: 'completeTask', caseId, taskId: 't1' })).toMatchObject({ code: 'CONFLICT' })
  })

  test('a sensitive case: only the holder’s convener and cadres are named, a member sees it without titles, her line names nothing', async () => {
    sensitiveId = await file({ category: 'marriage_family', title: '家里有矛盾想找人调解', content: '丈夫常年酗酒，想请妇联帮忙调解。' })
    const { items } = await escalation<EscalationResults['taskAssignees']>(CONVENER, { action: 'taskAssignees', caseId: sensitiveId })
    expect(items.map((i) => i.role).sort()).toEqual(['cadre', 'convener'])
    expect(
      await refusal(CONVENER, { action: 'planTask', caseId: sensitiveId, title: '上门调解', assignee: { kind: 'member', openid: MEMBER }, dueAt: await inDays(1) }),
    ).toMatchObject({ code: 'INVALID_INPUT', message: '涉及个人隐私的反映，只能安排本级议事会主任或妇联干部承办' })
    await escalation(CONVENER, { action: 'planTask', caseId: sensitiveId, title: '上门调解', assignee: { kind: 'member', openid: VILLAGE_CADRE }, dueAt: await inDays(1) })
    const redacted = await get(MEMBER, sensitiveId)
    expect(redacted.tasks?.[0]).toMatchObject({ title: '帮扶任务', canComplete: false })
    expect(redacted.tasks?.[0]?.assignee.name).toBeUndefined()
    expect(JSON.stringify(redacted)).not.toContain('上门调解')
    const hers = await get(RESIDENT, sensitiveId)
    expect(lines(hers)).toContain('已安排专人帮助您')
    expect(JSON.stringify(hers)).not.toContain('上门调解')
    // The cadre named completes her own.
    await escalation(VILLAGE_CADRE, { action: 'completeTask', caseId: sensitiveId, taskId: 't1' })
    expect(lines(await get(RESIDENT, sensitiveId))).toContain('一项帮扶已完成')
  })

  test('the audit log names neither the task nor the volunteer', async () => {
    const { items } = await dataOf<{ items: { targetId: string; summary: string }[] }>(host, 'account', TOWNSHIP_CADRE, { action: 'audit', orgId: VILLAGE })
    const mine = items.filter((i) => i.targetId === caseId).map((i) => i.summary)
    expect(mine).toEqual(expect.arrayContaining(['安排帮扶任务（巾帼志愿者）', '安排帮扶任务', '承办人完成帮扶任务', '办结时说明帮扶任务已完成']))
    expect(JSON.stringify(items)).not.toMatch(new RegExp(`${VOLUNTEER_NAME}|${VOLUNTEER_PHONE}|协助登记`))
  })
})
