/**
 * The timer loop where the store does not batch (CloudBase): a few items of a page at once, never more
 * than the bound, none started after the job's deadline, every item counted once; where it batches
 * (SQLite), one at a time inside the batch, as before.
 */
import { runDue, type DueReport } from '../../cloudfunctions/_shared/commands/due-runner'
import type { Aggregate } from '../../cloudfunctions/_shared/commands/command-handler'
import type { Deps, JobContext } from '../../cloudfunctions/_shared/context/deps'
import { AppFailure } from '../../cloudfunctions/_shared/context/failures'
import type { DueCursor, Store } from '../../cloudfunctions/_shared/ports/store.port'

type Item = { id: string }
type Counts = DueReport<'done'>

/** Items whose transaction takes `ms`; notes how many are in flight and which started when. */
function harness(options: { ms: number; batch?: boolean; refuse?: Set<string>; fail?: Set<string> }) {
  let inFlight = 0
  const seen = { maxInFlight: 0, started: [] as { id: string; at: number }[], batches: 0 }
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  const store = {
    transaction: async <T>(fn: (tx: never) => Promise<T>) => {
      inFlight++
      seen.maxInFlight = Math.max(seen.maxInFlight, inFlight)
      try {
        return await fn({} as never)
      } finally {
        inFlight--
      }
    },
    ...(options.batch ? { batch: async <T>(fn: () => Promise<T>) => (seen.batches++, fn()) } : {}),
  } as unknown as Store
  const aggregate: Aggregate<Item, string, string> = {
    decider: { decide: (command) => ({ ok: true, events: [command] }), evolve: (state) => state as Item },
    load: async (_tx, id) => {
      seen.started.push({ id, at: Date.now() })
      await pause(options.ms)
      if (options.fail?.has(id)) throw new Error('boom')
      return { state: { id }, version: 1 }
    },
    insert: async () => ({ created: true, id: '' }),
    save: async () => undefined,
    effects: async () => undefined,
    hiddenFrom: () => false,
    attempts: 1,
    messages: { notFound: '', busy: '' },
  }
  const errors: unknown[] = []
  const deps = { store, log: { error: (...args: unknown[]) => errors.push(args), info: () => undefined, warn: () => undefined } } as unknown as Deps
  const items = (n: number): DueCursor[] => Array.from({ length: n }, (_, i) => ({ id: `item-${String(i).padStart(3, '0')}`, dueAt: '2026-01-01T00:00:00.000Z' }))
  const run = (all: DueCursor[], budgetMs: number, pageSize = 50, concurrency?: number) => {
    const ctx: JobContext = { deps, now: '2026-01-02T00:00:00.000Z', requestId: 'job', deadline: Date.now() + budgetMs }
    const report: Counts = { done: 0, skipped: 0, failed: 0, unfinished: 0 }
    return runDue<Item, string, string, 'done'>(ctx, {
      aggregate,
      page: async (_now, limit, after) => all.filter((c) => !after || c.id > after.id).slice(0, limit),
      pageSize,
      command: (state) => {
        if (options.refuse?.has(state.id)) throw new AppFailure('CONFLICT', 'already handled')
        return 'Done'
      },
      count: (_changed, counts) => counts.done++,
      failure: { message: 'item failed', idField: 'itemId' },
      batched: true,
    }, report, concurrency).then((r) => ({ report: r, deadline: ctx.deadline }))
  }
  return { run, items, seen, errors }
}

test('without a batch, items of a page run at once up to the bound, every one counted once', async () => {
  const h = harness({ ms: 20, refuse: new Set(['item-003']), fail: new Set(['item-007']) })
  const { report } = await h.run(h.items(45), 60_000, 20, 8)
  expect(h.seen.maxInFlight).toBe(8)
  expect(report).toEqual({ done: 43, skipped: 1, failed: 1, unfinished: 0 })
  expect(new Set(h.seen.started.map((s) => s.id)).size).toBe(45)
  expect(h.errors).toHaveLength(1)
})

test('a page smaller than the bound runs all of it at once, and the bound is never passed', async () => {
  const small = harness({ ms: 20 })
  await small.run(small.items(3), 60_000, 50, 8)
  expect(small.seen.maxInFlight).toBe(3)
  const wide = harness({ ms: 5 })
  const { report } = await wide.run(wide.items(200), 60_000, 200, 16)
  expect(wide.seen.maxInFlight).toBe(16)
  expect(report.done).toBe(200)
})

test('no item starts after the deadline: those started finish and are counted, the rest is left for the next run', async () => {
  const h = harness({ ms: 40 })
  const { report, deadline } = await h.run(h.items(100), 100, 50, 8)
  expect(report.unfinished).toBe(1)
  expect(report.done).toBe(h.seen.started.length)
  expect(report.done).toBeGreaterThan(0)
  expect(report.done).toBeLessThan(100)
  for (const { at } of h.seen.started) expect(at).toBeLessThan(deadline)
  // What was left starts where the run stopped: nothing lost, nothing twice.
  const done = new Set(h.seen.started.map((s) => s.id))
  const rest = harness({ ms: 1 })
  const second = await rest.run(h.items(100).filter((c) => !done.has(c.id)), 60_000, 50, 8)
  expect(second.report.done + report.done).toBe(100)
})

test('where the store batches, one item at a time inside the batch, as before', async () => {
  const h = harness({ ms: 5, batch: true })
  const { report } = await h.run(h.items(30), 60_000, 10, 8)
  expect(h.seen.maxInFlight).toBe(1)
  expect(h.seen.batches).toBe(3)
  expect(report.done).toBe(30)
})
