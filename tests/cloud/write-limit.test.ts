/**
 * The write limit on the production path: the built bundles on the function runner, two warm instances
 * of a function at most (the cloud host's maxInstances), against the CloudBase emulator. The limit is
 * counted in the database (write_counts), so the instances share it: 40 concurrent writes from one
 * person, with the default 30 a minute, are refused exactly 10 times, as on one instance. And a resend
 * of a report already received gets its case, however many come at once.
 */
import type { Envelope } from '../../types/envelope'
import { startTestCloudHost, type TestCloudHost } from '../support/cloud-host'
import { aReport, OTHER_RESIDENT, RESIDENT } from '../support/demo'

type Submitted = { caseId: string; created: boolean }

let host: TestCloudHost
beforeAll(async () => {
  host = await startTestCloudHost()
})
afterAll(() => host.destroy())

const codes = (replies: { body: Envelope<unknown> }[]) =>
  replies.reduce<Record<string, number>>((n, { body }) => {
    const key = body.ok ? 'ok' : body.error.code
    return { ...n, [key]: (n[key] ?? 0) + 1 }
  }, {})

test('two instances of one function share the limit: 40 concurrent writes from one person, exactly 10 RATE_LIMITED', async () => {
  const write = () => host.post<Envelope<unknown>>('/api/notify', { action: 'markRead', all: true }, OTHER_RESIDENT)
  const replies = await Promise.all(Array.from({ length: 40 }, write))
  expect(replies.map((r) => r.status)).toEqual(Array(40).fill(200))
  expect(codes(replies)).toEqual({ ok: 30, RATE_LIMITED: 10 })
  // Both instances served them (the pool starts a second one while the first is busy).
  expect(host.runner.stats().notify).toMatchObject({ instances: 2 })
  // Counted per person and function: hers in another function, and another person's, are untouched.
  expect((await host.post<Envelope<unknown>>('/api/notify', { action: 'markRead', all: true }, RESIDENT)).body).toMatchObject({ ok: true })
  expect((await host.post<Envelope<unknown>>('/api/intake', { action: 'rate', caseId: 'case-none', solved: 'yes', satisfaction: 'satisfied' }, OTHER_RESIDENT)).body).toMatchObject({
    error: { code: 'NOT_FOUND' },
  })
  // The counts are in the database, by a tag per minute: no openid.
  const counts = host.emulator.database.find('write_counts')
  expect(counts.length).toBeGreaterThan(0)
  for (const doc of counts) expect(String(doc._id)).toMatch(/^2026-11-30T01:00:00\.000Z_[0-9a-f]{32}$/)
  expect(counts.map((doc) => doc.count).sort((a, b) => Number(b) - Number(a))[0]).toBe(30)
})

test('100 concurrent resends of a report already received all get its case; none is RATE_LIMITED', async () => {
  const report = aReport()
  const first = await host.post<Envelope<Submitted>>('/api/intake', report, RESIDENT)
  expect(first.body).toMatchObject({ ok: true, data: { created: true } })
  const caseId = (first.body as { data: Submitted }).data.caseId
  const replies = await Promise.all(Array.from({ length: 100 }, () => host.post<Envelope<Submitted>>('/api/intake', report, RESIDENT)))
  expect(codes(replies)).toEqual({ ok: 100 })
  expect(new Set(replies.map((r) => (r.body as { data: Submitted }).data.caseId))).toEqual(new Set([caseId]))
  expect(replies.every((r) => (r.body as { data: Submitted }).data.created === false)).toBe(true)
})

test('the notify timer forgets the minutes that are over', async () => {
  await host.post('/__dev/clock', { advanceHours: 1 })
  const tick = await host.post<{ notify: Record<string, Record<string, number>> }>('/__dev/tick', {})
  expect(tick.body.notify.forgetWriteCounts).toEqual({ forgotten: expect.any(Number) })
  expect(tick.body.notify.forgetWriteCounts!.forgotten).toBeGreaterThan(0)
  expect(host.emulator.database.find('write_counts')).toEqual([])
})
