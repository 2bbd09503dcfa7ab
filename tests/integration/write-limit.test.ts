/**
 * The write limit and resends (docs/security.md, "Abuse and failures"), on the real handlers and SQLite
 * and on the local host over HTTP: a resend of a report already received always gets its case, whatever
 * the limit says, and costs none of it; concurrent first sends of one clientRequestId still make one
 * case; the limit is counted in the store, so two hosts on one data folder share it. The production
 * path (two warm instances of one function): tests/cloud/write-limit.test.ts.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { handle } from '../../cloudfunctions/_shared/handler/handle'
import type { FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { defaultWriteLimiter } from '../../cloudfunctions/_shared/adapters/write-limiter'
import { intakeFunction } from '../../cloudfunctions/intake/intake.function'
import { notifyFunction } from '../../cloudfunctions/notify/notify.function'
import type { Envelope } from '../../types/envelope'
import { aReport, OTHER_RESIDENT, RESIDENT } from '../support/demo'
import { FIXED_NOW, startTestHost, type TestHost } from '../support/local-host'
import { demoDeps, type TestDeps } from '../support/test-deps'

const intake = intakeFunction as FunctionDef
const notify = notifyFunction as FunctionDef
const as = (openid: string) => ({ kind: 'user', openid }) as const
type Submitted = { caseId: string; created: boolean }

const codes = (replies: Envelope<unknown>[]) =>
  replies.reduce<Record<string, number>>((n, r) => {
    const key = r.ok ? 'ok' : r.error.code
    return { ...n, [key]: (n[key] ?? 0) + 1 }
  }, {})

describe('on the real handlers and SQLite, with the default limit (30 writes a minute)', () => {
  let deps: TestDeps
  beforeEach(async () => {
    deps = { ...(await demoDeps()), writeLimiter: defaultWriteLimiter({}) }
  })
  afterEach(() => deps.store.close())

  const submit = (report: Record<string, unknown>, openid = RESIDENT) => handle(intake, report, as(openid), deps)
  /** A write that always counts and never succeeds: rating a case that does not exist. */
  const countedWrite = (openid = RESIDENT) => handle(intake, { action: 'rate', caseId: 'case-none', solved: 'yes', satisfaction: 'satisfied' }, as(openid), deps)

  test('100 concurrent resends of a report already received all get its case; none is refused, none is counted', async () => {
    const report = aReport()
    const first = await submit(report)
    expect(first).toMatchObject({ ok: true, data: { created: true } })
    const caseId = (first as { data: Submitted }).data.caseId

    const replies = await Promise.all(Array.from({ length: 100 }, () => submit(report)))
    expect(codes(replies)).toEqual({ ok: 100 })
    expect(replies.map((r) => (r as { data: Submitted }).data)).toEqual(Array(100).fill(expect.objectContaining({ caseId, created: false })))
    expect((await deps.store.cases.reportedBy(RESIDENT, 100)).map((c) => c.id)).toEqual([caseId])

    // Only the first send counted: 29 writes of her minute are left.
    expect(codes(await Promise.all(Array.from({ length: 30 }, () => countedWrite())))).toEqual({ NOT_FOUND: 29, RATE_LIMITED: 1 })
    // …and a resend still gets its case once the limit is spent.
    expect(await submit(report)).toMatchObject({ ok: true, data: { caseId, created: false } })
  })

  test('100 concurrent first sends of one clientRequestId make exactly one case; all that are answered get it', async () => {
    const report = aReport()
    const replies = await Promise.all(Array.from({ length: 100 }, () => submit(report)))
    const answered = replies.filter((r): r is { ok: true; data: Submitted } => r.ok)
    // The limit counts first sends (nobody could tell them from a flood): 30 are let through.
    expect(codes(replies)).toEqual({ ok: answered.length, ...(answered.length < 100 && { RATE_LIMITED: 100 - answered.length }) })
    expect(answered.length).toBeGreaterThanOrEqual(30)
    expect(answered.filter((r) => r.data.created)).toHaveLength(1)
    const caseIds = new Set(answered.map((r) => r.data.caseId))
    expect(caseIds.size).toBe(1)
    expect((await deps.store.cases.reportedBy(RESIDENT, 100)).map((c) => c.id)).toEqual([...caseIds])
    // Now it is a resend: answered, limit or not.
    expect(await submit(report)).toMatchObject({ ok: true, data: { caseId: [...caseIds][0], created: false } })
  })

  test('the limit is per person and function, and a new minute starts afresh', async () => {
    expect(codes(await Promise.all(Array.from({ length: 31 }, () => countedWrite())))).toEqual({ NOT_FOUND: 30, RATE_LIMITED: 1 })
    expect(await countedWrite(OTHER_RESIDENT)).toMatchObject({ error: { code: 'NOT_FOUND' } })
    expect(await handle(notify, { action: 'markRead', all: true }, as(RESIDENT), deps)).toMatchObject({ ok: true })
    deps.clock.advanceHours(1 / 60)
    expect(await countedWrite()).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })

  test('the notify timer forgets the minutes that are over, not the current one', async () => {
    await countedWrite()
    deps.clock.advanceHours(1 / 60)
    await countedWrite()
    await countedWrite(OTHER_RESIDENT)
    const forget = notifyFunction.jobs.forgetWriteCounts!
    expect(await forget({ now: deps.clock.now(), requestId: 'job', deps, deadline: Date.now() + 60_000 })).toEqual({ forgotten: 1 })
    // Every tenth minute at most (handler/job-cadence.ts): the next trigger leaves it, a later one finds nothing more.
    expect(await forget({ now: deps.clock.now(), requestId: 'job', deps, deadline: Date.now() + 60_000 })).toEqual({ notDue: 1 })
    deps.clock.advanceHours(9 / 60)
    expect(await forget({ now: deps.clock.now(), requestId: 'job', deps, deadline: Date.now() + 60_000 })).toEqual({ notDue: 1 })
    deps.clock.advanceHours(1 / 60)
    expect(await forget({ now: deps.clock.now(), requestId: 'job', deps, deadline: Date.now() + 60_000 })).toEqual({ forgotten: 2 })
  })

  test('a store that cannot count lets the write through, logged, rather than refuse it', async () => {
    const failing = { ...deps.store, writeCounts: { ...deps.store.writeCounts, take: async () => { throw new Error('database busy') } } }
    const errors: string[] = []
    const reply = await handle(intake, aReport(), as(RESIDENT), { ...deps, store: failing, log: { info: () => {}, error: (message) => errors.push(message) } })
    expect(reply).toMatchObject({ ok: true, data: { created: true } })
    expect(errors).toEqual(['write limit not counted'])
  })
})

describe('on the local host', () => {
  let host: TestHost
  beforeAll(async () => {
    host = await startTestHost()
  })
  afterAll(() => host.destroy())

  test('100 concurrent resends over HTTP all get the same case; none is RATE_LIMITED', async () => {
    const report = aReport()
    const first = await host.post<Envelope<Submitted>>('/api/intake', report, RESIDENT)
    expect(first.body).toMatchObject({ ok: true, data: { created: true } })
    const caseId = (first.body as { data: Submitted }).data.caseId
    const replies = await Promise.all(Array.from({ length: 100 }, () => host.post<Envelope<Submitted>>('/api/intake', report, RESIDENT)))
    expect(replies.map((r) => r.status)).toEqual(Array(100).fill(200))
    expect(codes(replies.map((r) => r.body))).toEqual({ ok: 100 })
    expect(new Set(replies.map((r) => (r.body as { data: Submitted }).data.caseId))).toEqual(new Set([caseId]))
  })

  test('two hosts on one data folder share the limit: 40 concurrent writes from one person, 10 refused', async () => {
    const second = await startTestHost({ dataDir: host.dataDir })
    try {
      expect(second.seeded).toBe(false)
      const write = (i: number) => (i % 2 === 0 ? host : second).post<Envelope<unknown>>('/api/notify', { action: 'markRead', all: true }, OTHER_RESIDENT)
      const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => write(i)))
      expect(codes(replies.map((r) => r.body))).toEqual({ ok: 30, RATE_LIMITED: 10 })
      // Either host refuses the next one; another person is not affected.
      expect((await second.post<Envelope<unknown>>('/api/notify', { action: 'markRead', all: true }, OTHER_RESIDENT)).body).toMatchObject({ error: { code: 'RATE_LIMITED' } })
      expect((await host.post<Envelope<unknown>>('/api/notify', { action: 'markRead', all: true }, RESIDENT)).body).toMatchObject({ ok: true })
      // The counts name nobody: a keyed tag of person and function per minute, no openid.
      const db = new Database(join(host.dataDir, 'fulian.sqlite'), { readonly: true })
      const rows = db.prepare('SELECT window_start, key, count FROM write_counts').all() as { window_start: string; key: string; count: number }[]
      db.close()
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) expect(row).toEqual({ window_start: FIXED_NOW, key: expect.stringMatching(/^[0-9a-f]{32}$/), count: expect.any(Number) })
    } finally {
      await second.close()
    }
  })
})
