/**
 * Delivery through the outbox: credits are counted and spent on what matters most, every message stays
 * in the message centre, and each is sent at most once — run twice, run at once, or killed mid-send.
 */
import { deliverMessages, MESSAGE_BUDGET_MS } from '../../cloudfunctions/_shared/notify/deliver'
import { notifyFunction } from '../../cloudfunctions/notify/notify.function'
import { intakeFunction } from '../../cloudfunctions/intake/intake.function'
import { escalationFunction } from '../../cloudfunctions/escalation/escalation.function'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { handle } from '../../cloudfunctions/_shared/handler/handle'
import { aReport, CONVENER, RESIDENT } from '../support/demo'
import { callAs, demoDeps, type TestDeps } from '../support/test-deps'
import { caseNumber } from '../../types/case.contract'

const notify = notifyFunction as FunctionDef
const intake = intakeFunction as FunctionDef
const escalation = escalationFunction as FunctionDef
const PROGRESS = 'local-case_progress'
const RESULT = 'local-case_result'

let deps: TestDeps
beforeEach(async () => {
  deps = await demoDeps()
})
afterEach(() => deps.store.close())

const deliver = () => deliverMessages({ deps, now: deps.clock.now(), requestId: 'job', deadline: Date.now() + 60_000 })
const allow = (...templateIds: string[]) => callAs(deps, notify, RESIDENT, { action: 'subscribe', accepted: templateIds })
const inbox = () => callAs<{ items: { kind: string; delivered: boolean; read: boolean; id: string; subject?: string }[]; unread: number }>(deps, notify, RESIDENT, { action: 'inbox' })

async function acceptedCase() {
  const { caseId } = await callAs<{ caseId: string }>(deps, intake, RESIDENT, aReport())
  await callAs(deps, escalation, CONVENER, { action: 'accept', caseId })
  return caseId
}

test('subscribe grants one credit per allowed template per tap; unknown templates are refused', async () => {
  expect(await allow(PROGRESS, RESULT)).toEqual({ credits: { [PROGRESS]: 1, [RESULT]: 1 } })
  expect(await allow(PROGRESS, PROGRESS)).toEqual({ credits: { [PROGRESS]: 2, [RESULT]: 1 } })
  const refused = await handle(notify, { action: 'subscribe', accepted: ['made-up'] }, { kind: 'user', openid: RESIDENT }, deps)
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})

test('with a credit, the step goes out once and the credit is spent; the message centre has it too', async () => {
  await allow(PROGRESS)
  const caseId = await acceptedCase()
  expect(await deliver()).toMatchObject({ sent: 1 })
  expect(deps.messenger.sent).toEqual([
    expect.objectContaining({ openid: RESIDENT, templateId: PROGRESS, kind: 'case_accepted', page: expect.stringMatching(/^\/pages\/case\/index\?id=/) }),
  ])
  expect(deps.messenger.sent[0]!.data).toMatchObject({ thing1: `${caseNumber(caseId)} 村口路灯坏了`, phrase2: '已受理', thing3: '蒲河村' })
  expect(await deps.store.credits.balance(RESIDENT)).toEqual({ [PROGRESS]: 0 })
  const { items, unread } = await inbox()
  expect(items.map((m) => [m.kind, m.delivered])).toEqual([
    ['case_accepted', true],
    ['case_received', false],
  ])
  // Each names its case, as 消息 groups them.
  for (const m of items) expect(m.subject).toBe(`${caseNumber(caseId)} 村口路灯坏了`)
  expect(unread).toBe(2)
})

test('without a credit, the step lives in the message centre only', async () => {
  await acceptedCase()
  expect(await deliver()).toMatchObject({ sent: 0 })
  expect(deps.messenger.sent).toEqual([])
  expect((await inbox()).items.map((m) => m.kind)).toContain('case_accepted')
})

test('a lesser step does not spend the last credit: it is kept for one that matters more', async () => {
  await allow(PROGRESS)
  const caseId = await acceptedCase()
  await deliver() // case_accepted takes the only credit
  await allow(PROGRESS)
  await callAs(deps, escalation, CONVENER, { action: 'assign', caseId, department: '镇司法所', note: '请协助调解' })
  await deliver()
  expect(deps.messenger.sent.map((m) => m.kind)).toEqual(['case_accepted'])
  expect(await deps.store.credits.balance(RESIDENT)).toEqual({ [PROGRESS]: 1 })
})

test('running delivery twice, or twice at once, sends each message once', async () => {
  await allow(PROGRESS)
  await allow(PROGRESS)
  await acceptedCase()
  await acceptedCase()
  const [a, b] = await Promise.all([deliver(), deliver()])
  expect((a.sent ?? 0) + (b.sent ?? 0)).toBe(2)
  expect(await deliver()).toMatchObject({ sent: 0 })
  expect(deps.messenger.sent).toHaveLength(2)
})

test('43101 from WeChat: the credit is gone, the message stays in the centre, never retried', async () => {
  await allow(PROGRESS)
  await acceptedCase()
  deps.messenger.answer = () => ({ ok: false, code: 43101, message: 'user refuse to accept the msg' })
  expect(await deliver()).toMatchObject({ sent: 0, retried: 0 })
  expect(await deps.store.credits.balance(RESIDENT)).toEqual({ [PROGRESS]: 0 })
  deps.clock.advanceHours(3)
  expect(await deliver()).toMatchObject({ sent: 0, retried: 0 })
})

test('a passing failure is retried later with the credit given back', async () => {
  await allow(PROGRESS)
  await acceptedCase()
  deps.messenger.answer = () => ({ ok: false, code: -1, message: 'timeout' })
  expect(await deliver()).toMatchObject({ retried: 1 })
  expect(await deps.store.credits.balance(RESIDENT)).toEqual({ [PROGRESS]: 1 })
  deps.messenger.answer = () => ({ ok: true })
  expect(await deliver()).toMatchObject({ sent: 0 }) // not yet: backing off
  deps.clock.advanceHours(1)
  expect(await deliver()).toMatchObject({ sent: 1 })
  expect(deps.messenger.sent).toHaveLength(1)
})

test('killed between send and settle: the message is not sent a second time', async () => {
  await allow(PROGRESS)
  await acceptedCase()
  deps.messenger.answer = () => {
    throw new Error('process killed')
  }
  await expect(deliver()).rejects.toThrow('process killed')
  deps.messenger.answer = () => ({ ok: true })
  expect(await deliver()).toMatchObject({ sent: 0 }) // the claim is still leased
  deps.clock.advanceHours(1)
  expect(await deliver()).toMatchObject({ sent: 0, interrupted: 1 })
  expect(deps.messenger.sent).toEqual([])
  expect((await inbox()).items.map((m) => m.kind)).toContain('case_accepted')
})

test('markRead marks her own messages only', async () => {
  await acceptedCase()
  const { items } = await inbox()
  expect(await callAs(deps, notify, RESIDENT, { action: 'markRead', messageIds: [items[0]!.id] })).toEqual({ unread: 1 })
  expect(await callAs(deps, notify, CONVENER, { action: 'markRead', all: true })).toEqual({ unread: 0 })
  expect((await inbox()).unread).toBe(1)
  expect(await callAs(deps, notify, RESIDENT, { action: 'markRead', all: true })).toEqual({ unread: 0 })
})

test('text a holder writes passes the content check too', async () => {
  const caseId = await acceptedCase()
  const refused = await handle(escalation, { action: 'resolve', caseId, outcome: 'solved', resolution: '已处理 测试违禁词' }, { kind: 'user', openid: CONVENER }, deps)
  expect(refused).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
  expect((await deps.store.cases.get(caseId))?.state.status).toBe('in_progress')
})

test('a send with no answer in time is neither repeated nor charged twice, and stays in her message centre', async () => {
  await allow(PROGRESS)
  await allow(PROGRESS)
  await acceptedCase()
  deps.messenger.answer = () => ({ ok: false, unknown: true, code: -604102, message: 'call open API timeout' })
  expect(await deliver()).toMatchObject({ sent: 0, unknown: 1 })
  // WeChat may have shown it and used her grant: ours is spent once, and it is not tried again.
  expect(await deps.store.credits.balance(RESIDENT)).toEqual({ [PROGRESS]: 1 })
  deps.messenger.answer = () => ({ ok: true })
  deps.clock.advanceHours(3)
  expect(await deliver()).toMatchObject({ sent: 0, unknown: 0 })
  expect(deps.messenger.sent).toEqual([])
  expect((await inbox()).items.map((m) => m.kind)).toContain('case_accepted')
})

test('a run starts no send it could not finish before its deadline', async () => {
  await allow(PROGRESS)
  await acceptedCase()
  const short = await deliverMessages({ deps, now: deps.clock.now(), requestId: 'job', deadline: Date.now() + MESSAGE_BUDGET_MS - 50 })
  expect(short).toMatchObject({ sent: 0, unfinished: 1 })
  expect(await deps.store.credits.balance(RESIDENT)).toEqual({ [PROGRESS]: 1 })
  // The next run, with time, sends it.
  expect(await deliver()).toMatchObject({ sent: 1 })
})
