/**
 * The deliberation flow on the CloudBase adapter, against the emulator (the real node-sdk over signed
 * HTTP, tests/emulator/cloud.emulator.fixture.ts). It proves what the SQLite run cannot: no where() inside a
 * transaction anywhere on the path (vote, comment, close with the case, reminder), every query named
 * by an index, and exact counts when ballots race on one document and are retried on conflict.
 */
import { deliberationFunction } from '../../cloudfunctions/deliberation/deliberation.function'
import { runDueDeliberations } from '../../cloudfunctions/deliberation/due.jobs'
import { intakeFunction } from '../../cloudfunctions/intake/intake.function'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { handle } from '../../cloudfunctions/_shared/handler/handle'
import { countBallots } from '../../cloudfunctions/_shared/domain'
import { useEmulatorDatabase } from './emulator.fixture'
import { emulatorDemoDeps } from './emulator-deps'
import { aReport, CONVENER, MEMBER, RESIDENT, VILLAGE } from '../support/demo'
import { callAs, type TestDeps } from '../support/test-deps'

const deliberation = deliberationFunction as FunctionDef
const intake = intakeFunction as FunctionDef
const MEMBERS = [MEMBER, 'demo-member-zhang', 'demo-member-liu', 'demo-member-chen', 'demo-member-yang']

const cloud = useEmulatorDatabase('deliberation')

let deps: TestDeps
beforeEach(async () => {
  deps = await emulatorDemoDeps(cloud)
})

const job = () => ({ deps, now: deps.clock.now(), requestId: 'job', deadline: Date.now() + 60_000 })
const hoursFromNow = (hours: number) => new Date(Date.parse(deps.clock.now()) + hours * 3_600_000).toISOString()

test('open on a case, racing ballots, a comment, the reminder, the timer close with the case entry', async () => {
  const { caseId } = await callAs<{ caseId: string }>(deps, intake, RESIDENT, aReport())
  const { deliberationId: id } = await callAs<{ deliberationId: string }>(deps, deliberation, CONVENER, {
    action: 'open',
    orgId: VILLAGE,
    caseId,
    title: '村口路灯由谁出资维修',
    background: '路灯坏了三个月。',
    options: ['村集体出资', '申请专项资金'],
    closesAt: hoursFromNow(48),
  })

  // Every member votes twice at once (a first ballot and a change racing it) and the convener once.
  const casts = [...MEMBERS.flatMap((m, i) => [[m, i % 2], [m, (i + 1) % 2]] as const), [CONVENER, 0] as const]
  const replies = await Promise.all(
    casts.map(([openid, choice]) => handle(deliberation, { action: 'vote', deliberationId: id, choices: [choice] }, { kind: 'user', openid }, deps)),
  )
  expect(replies.filter((r) => !r.ok)).toEqual([])
  const ballots = await deps.store.ballots.of(id)
  const stored = (await deps.store.deliberations.get(id))!.state
  expect(ballots).toHaveLength(6)
  expect(stored.counts).toEqual(countBallots(ballots.map((b) => b.choices), 2))
  expect(stored.ballotCount).toBe(6)

  await callAs(deps, deliberation, MEMBER, { action: 'comment', deliberationId: id, text: '同意村里出资' })
  expect((await callAs(deps, deliberation, MEMBER, { action: 'get', deliberationId: id })).deliberation.comments).toHaveLength(1)

  deps.clock.advanceHours(24)
  expect(await runDueDeliberations(job())).toMatchObject({ reminded: 1, failed: 0 })
  // Everyone has voted: the reminder is recorded, and reaches no one.
  expect((await deps.store.messages.all(1000)).filter((m) => m.kind === 'deliberation_reminder')).toHaveLength(0)

  deps.clock.advanceHours(24)
  expect(await runDueDeliberations(job())).toMatchObject({ closed: 1, failed: 0 })
  expect(await runDueDeliberations(job())).toMatchObject({ closed: 0, failed: 0 })
  const closed = (await deps.store.deliberations.get(id))!.state
  expect(closed).toMatchObject({ status: 'closed', resultOnCase: 'written' })
  expect((await deps.store.cases.timeline(caseId)).filter((e) => e.type === 'CaseDeliberated')).toHaveLength(1)
  expect((await deps.store.messages.all(1000)).filter((m) => m.kind === 'deliberation_result')).toHaveLength(6)
}, 60_000)

test('bind a group and arrive from it', async () => {
  await callAs(deps, deliberation, CONVENER, { action: 'bindGroup', orgId: VILLAGE, localGroupId: 'g1' })
  expect(await callAs(deps, deliberation, MEMBER, { action: 'resolveGroup', localGroupId: 'g1' })).toMatchObject({ orgId: VILLAGE, deliberationId: null })
  expect(await callAs(deps, deliberation, MEMBER, { action: 'list' })).toEqual({ items: [] })
})
