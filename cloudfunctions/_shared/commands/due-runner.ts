/**
 * The loop of every timer job that moves cases or deliberations (escalation/sweep.job.ts,
 * deliberation/due.jobs.ts): page through what is due by cursor, run one timer command per item in its
 * own transaction through the one save path, count what happened, stop at the job's deadline and
 * leave the rest to the next trigger. Repeat-safe because a command on what is no longer due is
 * refused (CONFLICT: another run got there first): a second run, or one overlapping another, only
 * counts skips. Where the store does not batch (CloudBase), a few items of a page run at once
 * (DUE_CONCURRENCY), each still its own transaction.
 */
import { AppFailure } from '../context/failures'
import type { JobContext } from '../context/deps'
import type { DueCursor } from '../ports/store.port'
import { change, type Aggregate, type Change } from './command-handler'

export type DueReport<K extends string> = Record<K | 'skipped' | 'failed' | 'unfinished', number>

export interface DueRun<S, C, E, K extends string> {
  aggregate: Aggregate<S, C, E>
  page: (now: string, limit: number, after?: DueCursor) => Promise<DueCursor[]>
  pageSize: number
  command: (state: S) => C
  /** Counts what one change did. */
  count: (changed: Change<S, C, E>, report: DueReport<K>) => void
  /** What a failed item is logged as, and the field that names it. */
  failure: { message: string; idField: string }
  /**
   * Where the store batches (SQLite), a page commits at once: each item is still all or nothing, and a
   * crash before the commit leaves the whole page due for the next run.
   */
  batched?: boolean
  /** What follows a change once it has committed (the group card). Unbatched runs only: in a batch the page commits later. */
  after?: (changed: Change<S, C, E>) => Promise<void>
}

/**
 * How many items of a page a run has in flight at once where the store does not batch (CloudBase).
 * Each is its own transaction of a dozen or so requests, a round trip each, so one at a time a 50 s
 * run escalates a few hundred cases; several at once overlap those round trips. Bounded so a big page
 * does not open 200 transactions together: items of one page may still share a document (a case
 * merged into another), and conflicting transactions only retry (adapters/cloudbase/scope.cloudbase.ts).
 */
export const DUE_CONCURRENCY = 16

export async function runDue<S, C, E, K extends string>(ctx: JobContext, run: DueRun<S, C, E, K>, report: DueReport<K>, concurrency = DUE_CONCURRENCY): Promise<DueReport<K>> {
  const { store } = ctx.deps
  // A store that batches (SQLite) writes through one connection under one lock, a batch's items being
  // savepoints taken in turn: items at once would only queue there, so it takes them one at a time.
  const width = store.batch ? 1 : concurrency
  let cursor: DueCursor | undefined
  for (;;) {
    const page = await run.page(ctx.now, run.pageSize, cursor)
    if (page.length === 0) return report
    cursor = page.at(-1)
    const runPage = () => duePage(ctx, run, page, report, width)
    const finished = run.batched && store.batch ? await store.batch(runPage) : await runPage()
    if (!finished) {
      report.unfinished = 1
      return report
    }
  }
}

/**
 * Acts on each item of a page, `width` at a time, in page order; false when the job's deadline came
 * before every item had started (none starts after it; those started finish, as one alone would).
 */
async function duePage<S, C, E, K extends string>(ctx: JobContext, run: DueRun<S, C, E, K>, page: DueCursor[], report: DueReport<K>, width: number): Promise<boolean> {
  let next = 0
  let late = false
  const worker = async () => {
    while (!late && next < page.length) {
      if (Date.now() >= ctx.deadline) {
        late = true
        return
      }
      await dueItem(ctx, run, page[next++] as DueCursor, report)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, page.length)) }, worker))
  return !late
}

/** One item in its own transaction: counted, followed, or (refused as no longer due) skipped, or logged as failed. */
async function dueItem<S, C, E, K extends string>(ctx: JobContext, run: DueRun<S, C, E, K>, item: DueCursor, report: DueReport<K>): Promise<void> {
  try {
    const changed = await change(ctx.deps, run.aggregate, item.id, (state) => run.command(state))
    run.count(changed, report)
    if (changed.events.length > 0) await run.after?.(changed)
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'CONFLICT') report.skipped++
    else {
      report.failed++
      ctx.deps.log.error(run.failure.message, { requestId: ctx.requestId, [run.failure.idField]: item.id, error: String(error) })
    }
  }
}
