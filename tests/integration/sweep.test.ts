/**
 * The deadline sweep is repeat-safe and bounded: due / not yet due / already escalated / run twice /
 * two at once / crash half-way — each missed deadline escalates exactly once, and each deadline is
 * reminded of (临期提醒) exactly once.
 */
import { sweepDeadlines } from '../../cloudfunctions/escalation/sweep.job'
import { intakeFunction } from '../../cloudfunctions/intake/intake.function'
import { escalationFunction } from '../../cloudfunctions/escalation/escalation.function'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import type { Store } from '../../cloudfunctions/_shared/ports/store.port'
import { aReport, CONVENER, RESIDENT, OTHER_RESIDENT } from '../support/demo'
import { handle } from '../../cloudfunctions/_shared/handler/handle'
import { callAs, demoDeps, type TestDeps } from '../support/test-deps'

const intake = intakeFunction as FunctionDef
const escalation = escalationFunction as FunctionDef
let deps: TestDeps
beforeEach(async () => {
  deps = await demoDeps()
})
afterEach(() => deps.store.close())

const sweep = (d: TestDeps = deps, budgetMs = 60_000) =>
  sweepDeadlines({ deps: d, now: d.clock.now(), requestId: 'job', deadline: Date.now() + budgetMs }, 2)

async function submit(openid = RESIDENT): Promise<string> {
  return (await callAs<{ caseId: string }>(deps, intake, openid, aReport())).caseId
}
/** The store, but its `n`th transaction dies after its work and before its commit (a killed process). */
function crashingAt(n: number): Store {
  let transactions = 0
  const real = deps.store
  return {
    ...real,
    transaction: (fn) =>
      real.transaction(async (tx) => {
        const result = await fn(tx)
        if (++transactions === n) throw new Error('killed')
        return result
      }),
  }
}
const escalations = async (caseId: string) =>
  (await deps.store.cases.timeline(caseId)).filter((e) => e.type === 'CaseEscalated').length

test('a case not yet due is left alone', async () => {
  const caseId = await submit()
  deps.clock.advanceHours(23)
  expect(await sweep()).toMatchObject({ escalated: 0, skipped: 0 })
  expect((await deps.store.cases.get(caseId))?.state.level).toBe('village')
})

test('a due case escalates once, and a second run does nothing', async () => {
  const caseId = await submit()
  deps.clock.advanceHours(25)
  expect(await sweep()).toMatchObject({ escalated: 1 })
  expect(await sweep()).toMatchObject({ escalated: 0, skipped: 0 })
  expect(await escalations(caseId)).toBe(1)
})

test('an accepted case is not escalated for the accept deadline', async () => {
  const caseId = await submit()
  await callAs(deps, escalation, CONVENER, { action: 'accept', caseId })
  deps.clock.advanceHours(25)
  expect(await sweep()).toMatchObject({ escalated: 0 })
  deps.clock.advanceHours(24 * 7)
  expect(await sweep()).toMatchObject({ escalated: 1 })
  expect((await deps.store.cases.get(caseId))?.state).toMatchObject({ level: 'township', status: 'pending' })
})

test('many due cases across several pages all escalate exactly once, even with two sweeps at once', async () => {
  const ids = [await submit(RESIDENT), await submit(RESIDENT), await submit(OTHER_RESIDENT), await submit(OTHER_RESIDENT), await submit('demo-resident-zhou')]
  deps.clock.advanceHours(25)
  const [a, b] = await Promise.all([sweep(), sweep()])
  expect((a.escalated ?? 0) + (b.escalated ?? 0)).toBe(ids.length)
  for (const id of ids) expect(await escalations(id)).toBe(1)
})

test('where the store does not batch (CloudBase), a page runs several cases at once: still each exactly once, two sweeps at once and a crash included', async () => {
  const ids = [await submit(RESIDENT), await submit(RESIDENT), await submit(OTHER_RESIDENT), await submit(OTHER_RESIDENT), await submit('demo-resident-zhou')]
  deps.clock.advanceHours(25)
  const unbatched = (store: Store): TestDeps => ({ ...deps, store: { ...store, batch: undefined } })
  const wide = (d: TestDeps) => sweepDeadlines({ deps: d, now: d.clock.now(), requestId: 'job', deadline: Date.now() + 60_000 }, 4)
  const [a, b] = await Promise.all([wide(unbatched(crashingAt(2))), wide(unbatched(deps.store))])
  const c = await wide(unbatched(deps.store))
  expect(a.failed).toBe(1)
  expect((a.escalated ?? 0) + (b.escalated ?? 0) + (c.escalated ?? 0)).toBe(ids.length)
  expect(await wide(unbatched(deps.store))).toMatchObject({ escalated: 0, skipped: 0, failed: 0 })
  for (const id of ids) expect(await escalations(id)).toBe(1)
})

test('a crash half-way loses nothing and doubles nothing: the next run finishes the rest', async () => {
  const ids = [await submit(RESIDENT), await submit(RESIDENT), await submit(OTHER_RESIDENT)]
  deps.clock.advanceHours(25)
  // The second case's transaction dies after its work, before commit: as if the process was killed.
  const first = await sweep({ ...deps, store: crashingAt(2) })
  expect(first).toMatchObject({ escalated: 2, failed: 1 })
  expect(await sweep()).toMatchObject({ escalated: 1, failed: 0 })
  for (const id of ids) expect(await escalations(id)).toBe(1)
})

test('a run out of time stops and says so; the next trigger resumes', async () => {
  await submit(RESIDENT)
  await submit(OTHER_RESIDENT)
  deps.clock.advanceHours(25)
  expect(await sweep(deps, -1)).toMatchObject({ escalated: 0, unfinished: 1 })
  expect(await sweep()).toMatchObject({ escalated: 2, unfinished: 0 })
})

test('临期提醒: two sweeps at once and a crash half-way still remind of each deadline exactly once', async () => {
  const ids = [await submit(RESIDENT), await submit(RESIDENT), await submit(OTHER_RESIDENT)]
  deps.clock.advanceHours(13)
  const [a, b] = await Promise.all([sweep({ ...deps, store: crashingAt(1) }), sweep()])
  const c = await sweep()
  expect(a.failed).toBe(1)
  expect((a.reminded ?? 0) + (b.reminded ?? 0) + (c.reminded ?? 0)).toBe(ids.length)
  expect(await sweep()).toMatchObject({ reminded: 0, skipped: 0, failed: 0 })
  for (const id of ids) {
    const reminders = (await deps.store.cases.timeline(id)).filter((e) => e.type === 'DeadlineReminded')
    expect(reminders).toHaveLength(1)
  }
})

test('a resolved case nobody rates closes itself after 7 days, once', async () => {
  const caseId = await submit()
  await callAs(deps, escalation, CONVENER, { action: 'accept', caseId })
  await callAs(deps, escalation, CONVENER, { action: 'resolve', caseId, outcome: 'solved', resolution: '已修好路灯' })
  deps.clock.advanceHours(24 * 7 + 1)
  expect(await sweep()).toMatchObject({ autoClosed: 1 })
  expect(await sweep()).toMatchObject({ autoClosed: 0 })
  expect((await deps.store.cases.get(caseId))?.state.status).toBe('closed')
})

test('the supervising levels see the cases that missed a deadline below them', async () => {
  const late = await submit(RESIDENT)
  const onTime = await submit(OTHER_RESIDENT)
  await callAs(deps, escalation, CONVENER, { action: 'accept', caseId: onTime })
  deps.clock.advanceHours(25)
  await sweep()
  const county = await callAs<{ items: { id: string; missedDeadlines: number }[] }>(deps, escalation, 'demo-cadre-county', { action: 'overdue' })
  expect(county.items.map((c) => [c.id, c.missedDeadlines])).toEqual([[late, 1]])
  const refused = await handle(escalation, { action: 'overdue' }, { kind: 'user', openid: RESIDENT }, deps)
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('a resend of a report already received gets its case back, even at the rate limit', async () => {
  const reports = Array.from({ length: 5 }, () => aReport())
  const ids = []
  for (const report of reports) ids.push((await callAs<{ caseId: string }>(deps, intake, RESIDENT, report)).caseId)
  const sixth = await handle(intake, aReport(), { kind: 'user', openid: RESIDENT }, deps)
  expect(sixth).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
  const resend = await callAs<{ caseId: string; created: boolean }>(deps, intake, RESIDENT, reports[4]!)
  expect(resend).toMatchObject({ caseId: ids[4], created: false })
})
