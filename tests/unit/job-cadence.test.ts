/** Housekeeping at most every N minutes, per store, by the job's clock (handler/job-cadence.ts). */
import { atMostEvery } from '../../cloudfunctions/_shared/handler/job-cadence'
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
