/**
 * The `deliberation` function end to end on SQLite: real handlers, a fixed clock, the demo council of
 * 蒲河村 (convener 王秀兰, who is also a member, and five members: six voters, quorum 4).
 */
import { deliberationFunction } from '../../cloudfunctions/deliberation/deliberation.function'
import { runDueDeliberations } from '../../cloudfunctions/deliberation/due.jobs'
import { intakeFunction } from '../../cloudfunctions/intake/intake.function'
import { notifyFunction } from '../../cloudfunctions/notify/notify.function'
import { deliverMessages } from '../../cloudfunctions/_shared/notify/deliver'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { handle, runJobs } from '../../cloudfunctions/_shared/handler/handle'
import { countBallots } from '../../cloudfunctions/_shared/domain'
import type { DeliberationDetail, DeliberationSummary } from '../../types/deliberation.contract'
import { aReport, CONVENER, MEMBER, RESIDENT, TOWNSHIP_CADRE, VILLAGE, VILLAGE_CADRE } from '../support/demo'
import { callAs, demoDeps, type TestDeps } from '../support/test-deps'

const deliberation = deliberationFunction as FunctionDef
const intake = intakeFunction as FunctionDef
const notify = notifyFunction as FunctionDef

const LI = MEMBER
const ZHANG = 'demo-member-zhang'
const LIU = 'demo-member-liu'
const CHEN = 'demo-member-chen'
const YANG = 'demo-member-yang'
const COUNCIL = [CONVENER, LI, ZHANG, LIU, CHEN, YANG]

let deps: TestDeps
beforeEach(async () => {
  deps = await demoDeps()
})
afterEach(() => deps.store.close())

const hoursFromNow = (hours: number) => new Date(Date.parse(deps.clock.now()) + hours * 3_600_000).toISOString()

function anOpen(overrides: Record<string, unknown> = {}) {
  return {
    action: 'open',
    orgId: VILLAGE,
    title: '村口路灯由谁出资维修',
    background: '村口到小学的路灯坏了三个月，供电所说线路归村里管。',
    options: ['村集体出资', '申请镇里专项资金', '暂缓维修'],
    closesAt: hoursFromNow(72),
    ...overrides,
  }
}

async function open(overrides: Record<string, unknown> = {}, by = CONVENER): Promise<string> {
  return (await callAs<{ deliberationId: string }>(deps, deliberation, by, anOpen(overrides))).deliberationId
}
const get = async (id: string, as: string) =>
  (await callAs<{ deliberation: DeliberationDetail }>(deps, deliberation, as, { action: 'get', deliberationId: id })).deliberation
const vote = async (id: string, as: string, choices: number[]) =>
  (await callAs<{ deliberation: DeliberationDetail }>(deps, deliberation, as, { action: 'vote', deliberationId: id, choices })).deliberation
const close = (id: string, as = CONVENER) => callAs<{ deliberation: DeliberationDetail }>(deps, deliberation, as, { action: 'close', deliberationId: id })

/** The error code an action answers with (the test fails if it succeeds). */
async function errorCode(as: string, event: Record<string, unknown>, fn: FunctionDef = deliberation): Promise<string> {
  const reply = await handle(fn, event, { kind: 'user', openid: as }, deps)
  if (reply.ok) throw new Error(`expected an error, got ${JSON.stringify(reply.data).slice(0, 200)}`)
  return reply.error.code
}

const job = () => ({ deps, now: deps.clock.now(), requestId: 'job', deadline: Date.now() + 60_000 })
const messagesOf = async (kind: string, deliberationId?: string) =>
  (await deps.store.messages.all(10_000)).filter((m) => m.kind === kind && (!deliberationId || m.deliberationId === deliberationId))

describe('open', () => {
  test('the convener opens one: the rest of the council is invited, each once, to the deliberation page', async () => {
    const id = await open()
    const detail = await get(id, CONVENER)
    expect(detail).toMatchObject({
      status: 'open',
      title: '村口路灯由谁出资维修',
      shareTitle: '村口路灯由谁出资维修',
      orgName: '蒲河村',
      options: ['村集体出资', '申请镇里专项资金', '暂缓维修'],
      multiple: false,
      anonymous: false,
      passRatio: 0.5,
      turnout: { ballots: 0, members: 6, quorum: 4, quorumMet: false },
      counts: [0, 0, 0],
      countsHidden: false,
      groupBound: false,
      can: { vote: true, proxyVote: true, comment: true, close: true, bindGroup: true },
    })
    const invited = await messagesOf('deliberation_invited', id)
    expect(invited.map((m) => m.openid).sort()).toEqual([LI, ZHANG, LIU, CHEN, YANG].sort())
    expect(invited[0]).toMatchObject({
      page: `/council/pages/deliberation/index?id=${id}`,
      deliberationId: id,
      status: 'pending',
      slots: expect.objectContaining({ subject: '村口路灯由谁出资维修', org: '蒲河村议事会' }),
    })
  })

  test('a cadre of the village may open one; a member, a cadre above or a resident may not', async () => {
    expect(await open({}, VILLAGE_CADRE)).toMatch(/^dlb_/)
    expect(await errorCode(LI, anOpen())).toBe('FORBIDDEN')
    expect(await errorCode(TOWNSHIP_CADRE, anOpen())).toBe('FORBIDDEN')
    expect(await errorCode(RESIDENT, anOpen())).toBe('FORBIDDEN')
  })

  test('refuses bad input in Chinese, and risky text as CONTENT_REJECTED', async () => {
    const reply = await handle(deliberation, anOpen({ options: ['只有一个'] }), { kind: 'user', openid: CONVENER }, deps)
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '至少需要 2 个选项' } })
    expect(await errorCode(CONVENER, anOpen({ closesAt: hoursFromNow(24 * 31) }))).toBe('INVALID_INPUT')
    expect(await errorCode(CONVENER, anOpen({ quorum: 7 }))).toBe('INVALID_INPUT')
    expect(await errorCode(CONVENER, anOpen({ background: '详情见测试违禁词' }))).toBe('CONTENT_REJECTED')
  })
})

describe('voting', () => {
  test('a non-member’s vote is FORBIDDEN; a vote after close is a CONFLICT', async () => {
    const id = await open()
    for (const outsider of [RESIDENT, VILLAGE_CADRE, TOWNSHIP_CADRE]) {
      expect(await errorCode(outsider, { action: 'vote', deliberationId: id, choices: [0] })).toBe('FORBIDDEN')
    }
    await close(id)
    expect(await errorCode(LI, { action: 'vote', deliberationId: id, choices: [0] })).toBe('CONFLICT')
    expect(await errorCode(RESIDENT, { action: 'vote', deliberationId: id, choices: [0] })).toBe('FORBIDDEN')
  })

  test('a member sees the counts only once she has voted; the convener always', async () => {
    const id = await open()
    await vote(id, ZHANG, [0])
    const before = await get(id, LI)
    expect(before.countsHidden).toBe(true)
    expect(before).not.toHaveProperty('counts')
    expect(before.turnout).toMatchObject({ ballots: 1 })
    expect(before).not.toHaveProperty('audit')
    expect((await get(id, CONVENER)).counts).toEqual([1, 0, 0])
    const after = await vote(id, LI, [1])
    expect(after).toMatchObject({ countsHidden: false, counts: [1, 1, 0], myBallot: { choices: [1] }, voted: true })
  })

  test('changing her ballot moves her vote; she still has one ballot', async () => {
    const id = await open()
    await vote(id, LI, [0])
    const changed = await vote(id, LI, [2])
    expect(changed).toMatchObject({ counts: [0, 0, 1], turnout: { ballots: 1 }, myBallot: { choices: [2] } })
    // The ballot's reply leaves the audit out (it reads every ballot); the page reads it with get.
    expect(changed).not.toHaveProperty('audit')
    expect((await get(id, LI)).audit).toEqual([expect.objectContaining({ voterOpenid: LI, choices: [2], changes: 1 })])
  })

  test('the convener records a proxy ballot agreed by phone; the audit shows it as a proxy', async () => {
    const id = await open()
    const { deliberation: d } = await callAs<{ deliberation: DeliberationDetail }>(deps, deliberation, CONVENER, {
      action: 'proxyVote',
      deliberationId: id,
      memberOpenid: YANG,
      choices: [1],
      note: '电话确认，同意申请专项资金',
    })
    expect(d.audit).toEqual([
      expect.objectContaining({ voterOpenid: YANG, voterName: '杨春燕', choices: [1], proxy: { byName: '王秀兰', note: '电话确认，同意申请专项资金' } }),
    ])
    expect(d.roll?.find((r) => r.openid === YANG)).toMatchObject({ voted: true })
    expect((await get(id, YANG)).myBallot).toEqual(expect.objectContaining({ choices: [1], proxy: { byName: '王秀兰', note: '电话确认，同意申请专项资金' } }))
    expect(await errorCode(LI, { action: 'proxyVote', deliberationId: id, memberOpenid: YANG, choices: [0], note: '电话' })).toBe('FORBIDDEN')
    // Her own vote is hers: a proxy never overrides it.
    await vote(id, CHEN, [0])
    expect(await errorCode(CONVENER, { action: 'proxyVote', deliberationId: id, memberOpenid: CHEN, choices: [1], note: '电话' })).toBe('CONFLICT')
  })

  test('anonymous mode: one ballot each, counts as usual, but no view pairs a voter with her choices', async () => {
    const id = await open({ anonymous: true })
    await vote(id, LI, [0])
    await vote(id, ZHANG, [1])
    await callAs(deps, deliberation, CONVENER, { action: 'proxyVote', deliberationId: id, memberOpenid: YANG, choices: [0], note: '电话确认' })
    const convener = await get(id, CONVENER)
    expect(convener.counts).toEqual([2, 1, 0])
    expect(convener.audit?.map((a) => a.voterOpenid).sort()).toEqual([LI, YANG, ZHANG].sort())
    for (const entry of convener.audit ?? []) expect(entry).not.toHaveProperty('choices')
    const li = await get(id, LI)
    expect(li).toMatchObject({ anonymous: true, counts: [2, 1, 0], myBallot: { choices: [0] } })
    expect(li).not.toHaveProperty('audit')
    expect(li).not.toHaveProperty('roll')
    expect(JSON.stringify(li)).not.toContain(ZHANG)
    expect(await errorCode(LI, { action: 'vote', deliberationId: id, choices: [0, 1] })).toBe('INVALID_INPUT')
    await close(id)
    const closed = await get(id, ZHANG)
    expect(closed).not.toHaveProperty('audit')
    expect(closed.result).toEqual({ kind: 'no_quorum' })
  })

  test('10^3 ballots at once on one deliberation keep the counts exact', async () => {
    const voters = Array.from({ length: 1000 }, (_, i) => `load-member-${String(i).padStart(4, '0')}`)
    await deps.store.transaction(async (tx) => {
      for (const openid of voters) {
        await tx.people.putUser({ openid, name: null, homeOrgId: VILLAGE, publicPhone: null })
        await tx.people.bind({ openid, role: 'member', orgId: VILLAGE })
      }
    })
    const id = await open({ multiple: true })
    // 1000 first ballots and 200 changes, all in flight together.
    const casts = [
      ...voters.map((v, i) => ({ v, choices: i % 7 === 0 ? [0, 2] : [i % 3] })),
      ...voters.slice(0, 200).map((v, i) => ({ v, choices: [(i + 1) % 3] })),
    ]
    const replies = await Promise.all(
      casts.map(({ v, choices }) => handle(deliberation, { action: 'vote', deliberationId: id, choices }, { kind: 'user', openid: v }, deps)),
    )
    expect(replies.filter((r) => !r.ok)).toEqual([])
    const stored = (await deps.store.deliberations.get(id))!.state
    const ballots = await deps.store.ballots.of(id)
    expect(ballots).toHaveLength(1000)
    expect(stored.ballotCount).toBe(1000)
    expect(stored.counts).toEqual(countBallots(ballots.map((b) => b.choices), 3))
  }, 120_000)
})

describe('comments', () => {
  test('members discuss; risky text is refused; outsiders may not; nothing after close', async () => {
    const id = await open()
    await callAs(deps, deliberation, LI, { action: 'comment', deliberationId: id, text: '路灯关系到孩子安全，我同意村里先出资。' })
    const { deliberation: d } = await callAs<{ deliberation: DeliberationDetail }>(deps, deliberation, VILLAGE_CADRE, {
      action: 'comment',
      deliberationId: id,
      text: '镇里有专项资金，可以先申请。',
    })
    expect(d.comments.map((c) => [c.authorName, c.authorRole, c.mine])).toEqual([
      ['李桂芳', 'member', false],
      ['黄淑英', 'cadre', true],
    ])
    expect(d.commentCount).toBe(2)
    expect(await errorCode(ZHANG, { action: 'comment', deliberationId: id, text: '测试违禁词' })).toBe('CONTENT_REJECTED')
    expect(await errorCode(RESIDENT, { action: 'comment', deliberationId: id, text: '我也想说' })).toBe('FORBIDDEN')
    expect(await errorCode(TOWNSHIP_CADRE, { action: 'comment', deliberationId: id, text: '我也想说' })).toBe('FORBIDDEN')
    expect((await get(id, TOWNSHIP_CADRE)).comments).toHaveLength(2)
    await close(id)
    expect(await errorCode(LI, { action: 'comment', deliberationId: id, text: '补充一句' })).toBe('CONFLICT')
  })
})

describe('closing', () => {
  test('the convener closes it: the result goes to every member', async () => {
    const id = await open()
    for (const m of [LI, ZHANG, LIU]) await vote(id, m, [0])
    await vote(id, CHEN, [1])
    const { deliberation: d } = await close(id)
    expect(d).toMatchObject({ status: 'closed', result: { kind: 'passed', option: 0, optionText: '村集体出资' }, can: { vote: false, close: false } })
    const results = await messagesOf('deliberation_result', id)
    expect(results.map((m) => m.openid).sort()).toEqual([...COUNCIL].sort())
    expect(results[0]).toMatchObject({ body: expect.stringContaining('表决通过：村集体出资'), slots: expect.objectContaining({ status: '已通过' }) })
    expect(await errorCode(CONVENER, { action: 'close', deliberationId: id })).toBe('CONFLICT')
    expect(await errorCode(LI, { action: 'close', deliberationId: id })).toBe('FORBIDDEN')
    // Closed: every member sees the counts now.
    expect((await get(id, YANG)).counts).toEqual([3, 1, 0])
  })

  test('the timer closes it at the deadline, once, however often it runs', async () => {
    const id = await open({ closesAt: hoursFromNow(48) })
    await vote(id, LI, [0])
    deps.clock.advanceHours(47)
    expect(await runDueDeliberations(job())).toMatchObject({ closed: 0 })
    deps.clock.advanceHours(1)
    const [a, b] = await Promise.all([runDueDeliberations(job()), runDueDeliberations(job())])
    expect(a.closed! + b.closed!).toBe(1)
    expect(await runDueDeliberations(job())).toMatchObject({ closed: 0, skipped: 0, failed: 0 })
    const d = await get(id, CONVENER)
    expect(d).toMatchObject({ status: 'closed', result: { kind: 'no_quorum' } })
    expect((await deps.store.deliberations.get(id))!.state.closedBy).toBeUndefined()
    expect(await messagesOf('deliberation_result', id)).toHaveLength(6)
  })

  test('the timer jobs are part of the function (the host’s /__dev/tick runs them)', async () => {
    await open({ closesAt: hoursFromNow(2) })
    deps.clock.advanceHours(3)
    expect(await runJobs(deliberation, deps, 60_000)).toEqual({
      due: { reminded: 0, closed: 1, skipped: 0, failed: 0, unfinished: 0 },
    })
  })

  test('one run reminds the one whose reminder has come and closes the one whose deadline has', async () => {
    const closing = await open({ closesAt: hoursFromNow(2) })
    const owed = await open({ closesAt: hoursFromNow(72) })
    deps.clock.advanceHours(48)
    expect(await runDueDeliberations(job())).toEqual({ reminded: 1, closed: 1, skipped: 0, failed: 0, unfinished: 0 })
    expect(await messagesOf('deliberation_reminder', closing)).toHaveLength(0)
    expect(await messagesOf('deliberation_reminder', owed)).toHaveLength(6)
    expect(await messagesOf('deliberation_result', closing)).toHaveLength(6)
    expect(await runDueDeliberations(job())).toEqual({ reminded: 0, closed: 0, skipped: 0, failed: 0, unfinished: 0 })
    deps.clock.advanceHours(24)
    expect(await runDueDeliberations(job())).toMatchObject({ reminded: 0, closed: 1 })
    expect(await messagesOf('deliberation_result', owed)).toHaveLength(6)
  })

  test('a crash mid-close loses nothing and doubles nothing', async () => {
    const ids = [await open({ closesAt: hoursFromNow(2) }), await open({ closesAt: hoursFromNow(2) })]
    deps.clock.advanceHours(3)
    let transactions = 0
    const real = deps.store
    const crashing = {
      ...real,
      transaction: <T>(fn: Parameters<typeof real.transaction<T>>[0]) =>
        real.transaction(async (tx) => {
          const result = await fn(tx)
          if (++transactions === 1) throw new Error('killed')
          return result
        }),
    }
    expect(await runDueDeliberations({ ...job(), deps: { ...deps, store: crashing } })).toMatchObject({ closed: 1, failed: 1 })
    expect(await runDueDeliberations(job())).toMatchObject({ closed: 1, failed: 0 })
    for (const id of ids) expect(await messagesOf('deliberation_result', id)).toHaveLength(6)
  })
})

describe('the reminder', () => {
  test('goes once, only to members who have not voted, a day before the deadline', async () => {
    const id = await open({ closesAt: hoursFromNow(72) })
    await vote(id, LI, [0])
    await callAs(deps, deliberation, CONVENER, { action: 'proxyVote', deliberationId: id, memberOpenid: ZHANG, choices: [1], note: '电话确认' })
    deps.clock.advanceHours(47)
    expect(await runDueDeliberations(job())).toMatchObject({ reminded: 0 })
    deps.clock.advanceHours(1)
    const [a, b] = await Promise.all([runDueDeliberations(job()), runDueDeliberations(job())])
    expect(a.reminded! + b.reminded!).toBe(1)
    deps.clock.advanceHours(12)
    expect(await runDueDeliberations(job())).toMatchObject({ reminded: 0, skipped: 0 })
    const reminders = await messagesOf('deliberation_reminder', id)
    expect(reminders.map((m) => m.openid).sort()).toEqual([CONVENER, LIU, CHEN, YANG].sort())
    expect(reminders[0]!.body).toContain('您还没有投票')
  })

  test('the window is configurable per deliberation', async () => {
    const id = await open({ closesAt: hoursFromNow(72), remindHoursBefore: 2 })
    deps.clock.advanceHours(69)
    expect(await runDueDeliberations(job())).toMatchObject({ reminded: 0 })
    deps.clock.advanceHours(1)
    expect(await runDueDeliberations(job())).toMatchObject({ reminded: 1 })
    expect(await messagesOf('deliberation_reminder', id)).toHaveLength(6)
  })

  test('invitations and results go out as subscription messages to those who allowed them', async () => {
    await callAs(deps, notify, LI, { action: 'subscribe', accepted: ['local-deliberation_invite', 'local-deliberation_result'] })
    const id = await open()
    await close(id)
    await deliverMessages(job())
    const sent = deps.messenger.sent.filter((m) => m.openid === LI)
    expect(sent.map((m) => m.kind)).toEqual(['deliberation_invited', 'deliberation_result'])
    expect(sent[0]).toMatchObject({ page: `/council/pages/deliberation/index?id=${id}`, data: expect.objectContaining({ thing1: '村口路灯由谁出资维修' }) })
    expect(sent[1]!.data).toMatchObject({ phrase2: '人数不足' })
  })
})

describe('on a case', () => {
  async function aCase(overrides: Record<string, unknown> = {}) {
    return (await callAs<{ caseId: string }>(deps, intake, RESIDENT, aReport(overrides))).caseId
  }

  test('the result is written to the case timeline when it closes, by hand or by the timer', async () => {
    const caseId = await aCase()
    const id = await open({ caseId })
    for (const m of [LI, ZHANG, LIU, CHEN]) await vote(id, m, [1])
    const { deliberation: d } = await close(id)
    expect(d).toMatchObject({ caseId, resultOnCase: 'written' })
    const { case: seen } = await callAs(deps, intake, RESIDENT, { action: 'get', caseId })
    expect(seen.timeline.at(-1)).toMatchObject({
      type: 'CaseDeliberated',
      text: '蒲河村（村/社区）议事会就“村口路灯由谁出资维修”表决通过：申请镇里专项资金（6 名成员中 4 人投票）',
    })

    const other = await aCase({ title: '村里的垃圾站太近' })
    const timed = await open({ caseId: other, title: '垃圾站是否搬迁', closesAt: hoursFromNow(2) })
    deps.clock.advanceHours(3)
    await runDueDeliberations(job())
    await runDueDeliberations(job())
    const events = await deps.store.cases.timeline(other)
    expect(events.filter((e) => e.type === 'CaseDeliberated')).toEqual([
      expect.objectContaining({ deliberationId: timed, result: expect.objectContaining({ kind: 'no_quorum', ballots: 0, members: 6 }) }),
    ])
  })

  test('a case that closed meanwhile takes no entry: the deliberation still closes and says so', async () => {
    const caseId = await aCase()
    const id = await open({ caseId })
    await callAs(deps, intake, RESIDENT, { action: 'withdraw', caseId })
    const { deliberation: d } = await close(id)
    expect(d).toMatchObject({ status: 'closed', resultOnCase: 'refused' })
    expect((await deps.store.cases.timeline(caseId)).some((e) => e.type === 'CaseDeliberated')).toBe(false)
  })

  test('only a case the council holds; one it cannot see is not found', async () => {
    const other = (await callAs<{ caseId: string }>(deps, intake, 'demo-resident-zhou', aReport({ villageId: '210113102201' }))).caseId
    expect(await errorCode(CONVENER, anOpen({ caseId: other }))).toBe('NOT_FOUND')
    expect(await errorCode(CONVENER, anOpen({ caseId: 'case_missing' }))).toBe('NOT_FOUND')
  })

  test('a sensitive case: copied text is refused; the share title and notifications stay neutral', async () => {
    const caseId = await aCase({ category: 'marriage_family', title: '丈夫喝酒后动手打人', content: '我丈夫喝酒后经常动手打我，孩子也很害怕，希望有人帮忙。' })
    expect(await errorCode(CONVENER, anOpen({ caseId, title: '丈夫喝酒后动手打人怎么办' }))).toBe('INVALID_INPUT')
    const id = await open({ caseId, title: '一户家庭矛盾的调解办法', background: '一户家庭有矛盾，需要议事会商量调解办法。', options: ['上门调解', '请司法所介入'] })
    const d = await get(id, LI)
    expect(d).toMatchObject({ title: '一户家庭矛盾的调解办法', shareTitle: '议事会议题' })
    const invited = await messagesOf('deliberation_invited', id)
    for (const m of invited) {
      expect(m.body).not.toContain('家庭矛盾')
      expect(m.slots?.subject).toBe('议事会议题')
    }
  })
})

describe('list, group chat', () => {
  test('list: the caller’s councils’ deliberations, newest first, with her ballot flag', async () => {
    const first = await open({ title: '第一个议题' })
    deps.clock.advanceHours(1)
    const second = await open({ title: '第二个议题' })
    await vote(first, LI, [0])
    await close(first)
    const { items } = await callAs<{ items: DeliberationSummary[] }>(deps, deliberation, LI, { action: 'list' })
    expect(items.map((i) => [i.id, i.status, i.voted])).toEqual([
      [second, 'open', false],
      [first, 'closed', true],
    ])
    expect((await callAs<{ items: DeliberationSummary[] }>(deps, deliberation, LI, { action: 'list', status: 'open' })).items.map((i) => i.id)).toEqual([second])
    // A cadre above reads a village's list by asking for it; a resident may not.
    expect((await callAs<{ items: DeliberationSummary[] }>(deps, deliberation, TOWNSHIP_CADRE, { action: 'list', orgId: VILLAGE })).items).toHaveLength(2)
    expect(await errorCode(RESIDENT, { action: 'list', orgId: VILLAGE })).toBe('FORBIDDEN')
    expect((await callAs<{ items: DeliberationSummary[] }>(deps, deliberation, RESIDENT, { action: 'list' })).items).toEqual([])
  })

  test('the convener binds the group; a member arriving from it lands on the open deliberation', async () => {
    const id = await open()
    expect(await errorCode(LI, { action: 'bindGroup', orgId: VILLAGE, localGroupId: 'puhe-wechat' })).toBe('FORBIDDEN')
    expect(await callAs(deps, deliberation, CONVENER, { action: 'bindGroup', orgId: VILLAGE, localGroupId: 'puhe-wechat' })).toEqual({
      orgId: VILLAGE,
      orgName: '蒲河村',
      groupBound: true,
    })
    expect((await get(id, CONVENER)).groupBound).toBe(true)
    // Only the convener tools say it; a member's detail does not, rather than a false "not bound".
    expect(await get(id, LI)).not.toHaveProperty('groupBound')
    expect(await callAs(deps, deliberation, LI, { action: 'resolveGroup', localGroupId: 'puhe-wechat' })).toEqual({
      orgId: VILLAGE,
      orgName: '蒲河村',
      deliberationId: id,
      shareTitle: '村口路灯由谁出资维修',
    })
    expect(await errorCode(RESIDENT, { action: 'resolveGroup', localGroupId: 'puhe-wechat' })).toBe('FORBIDDEN')
    expect(await errorCode(LI, { action: 'resolveGroup', localGroupId: 'unknown-group' })).toBe('NOT_FOUND')
    // A real cloudID means nothing locally; neither half of a ticket is enough alone to bind both ways.
    expect(await errorCode(CONVENER, { action: 'bindGroup', orgId: VILLAGE, cloudID: 'x-cloud-id' })).toBe('INVALID_INPUT')
    expect(await errorCode(CONVENER, { action: 'bindGroup', orgId: VILLAGE })).toBe('INVALID_INPUT')

    // The same group cannot be taken over by another council.
    await deps.store.people.bind({ openid: 'other-convener', role: 'convener', orgId: '210113001202' })
    expect(await errorCode('other-convener', { action: 'bindGroup', orgId: '210113001202', localGroupId: 'puhe-wechat' })).toBe('CONFLICT')

    await close(id)
    expect(await callAs(deps, deliberation, LI, { action: 'resolveGroup', orgId: VILLAGE })).toEqual({
      orgId: VILLAGE,
      orgName: '蒲河村',
      deliberationId: null,
    })
  })
})
