/**
 * Housekeeping at most every N minutes, and work that rests N minutes after a run that found none, per
 * store, by the job's clock (handler/job-cadence.ts).
 */
import { atMostEvery, restsWhenIdle } from '../../cloudfunctions/_shared/handler/job-cadence'
import type { Deps, JobContext } from '../../cloudfunctions/_shared/context/deps'

const at = (store: object, now: string): JobContext => ({ deps: { store } as unknown as Deps, now, requestId: 'job', deadline: Date.now() + 60_000 })

test('runs at the first trigger, then not again before N minutes have passed; each store on its own', async () => {
  const runs: string[] = []
  const job = atMostEvery(10, async (ctx) => (runs.push(ctx.now), { done: 1 }))
  const a = {}
  const b = {}
  expect(await job(at(a, '2026-01-01T00:00:00.000Z'))).toEqual({ done: 1 })
  expect(await job(at(a, '2026-01-01T00:09:59.000Z'))).toEqual({ notDue: 1 })
  expect(await job(at(b, '2026-01-01T00:05:00.000Z'))).toEqual({ done: 1 })
  expect(await job(at(a, '2026-01-01T00:10:00.000Z'))).toEqual({ done: 1 })
  // A clock that went back (a test's fresh clock) runs it.
  expect(await job(at(a, '2025-12-31T00:00:00.000Z'))).toEqual({ done: 1 })
  expect(runs).toHaveLength(4)
})

test('a run cut short by its deadline goes on at the next trigger', async () => {
  let calls = 0
  const job = atMostEvery(10, async (): Promise<Record<string, number>> => (++calls === 1 ? { purged: 5, unfinished: 1 } : { purged: 2 }))
  const store = {}
  expect(await job(at(store, '2026-01-01T00:00:00.000Z'))).toEqual({ purged: 5, unfinished: 1 })
  expect(await job(at(store, '2026-01-01T00:01:00.000Z'))).toEqual({ purged: 2 })
  expect(await job(at(store, '2026-01-01T00:02:00.000Z'))).toEqual({ notDue: 1 })
})

test('restsWhenIdle: every trigger while it finds work, then rests N minutes after a run that found none; each store on its own', async () => {
  const found = [3, 1, 0, 2, 0]
  const runs: string[] = []
  const job = restsWhenIdle(10, async (ctx) => (runs.push(ctx.now), { folded: found.shift() ?? 0 }), (report) => report.folded === 0)
  const a = {}
  const b = {}
  expect(await job(at(a, '2026-01-01T00:00:00.000Z'))).toEqual({ folded: 3 })
  expect(await job(at(a, '2026-01-01T00:01:00.000Z'))).toEqual({ folded: 1 })
  expect(await job(at(a, '2026-01-01T00:02:00.000Z'))).toEqual({ folded: 0 })
  expect(await job(at(a, '2026-01-01T00:03:00.000Z'))).toEqual({ notDue: 1 })
  expect(await job(at(a, '2026-01-01T00:11:59.000Z'))).toEqual({ notDue: 1 })
  // Another store (another instance's) does not rest because this one does.
  expect(await job(at(b, '2026-01-01T00:05:00.000Z'))).toEqual({ folded: 2 })
  expect(await job(at(a, '2026-01-01T00:12:00.000Z'))).toEqual({ folded: 0 })
  // A clock that went back (a test's fresh clock) runs it.
  expect(await job(at(a, '2025-12-31T00:00:00.000Z'))).toEqual({ folded: 0 })
  expect(runs).toHaveLength(6)
})

test('restsWhenIdle: a run cut short by its deadline, even one that found nothing yet, goes on at the next trigger', async () => {
  const reports: Record<string, number>[] = [{ folded: 0, unfinished: 1 }, { folded: 0 }]
  const job = restsWhenIdle(10, async () => reports.shift() ?? { folded: 0 }, (report) => report.folded === 0)
  const store = {}
  expect(await job(at(store, '2026-01-01T00:00:00.000Z'))).toEqual({ folded: 0, unfinished: 1 })
  expect(await job(at(store, '2026-01-01T00:01:00.000Z'))).toEqual({ folded: 0 })
  expect(await job(at(store, '2026-01-01T00:02:00.000Z'))).toEqual({ notDue: 1 })
})
