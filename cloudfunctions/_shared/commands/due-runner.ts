/**
 * The loop of every timer job that moves cases or deliberations (escalation/sweep.job.ts,
 * deliberation/due.jobs.ts): page through what is due by cursor, run one timer command per item in its
 * own transaction through the one save path, count what happened, stop at the job's deadline and
 * leave the rest to the next trigger. Repeat-safe because a command on what is no longer due is
 * refused (CONFLICT: another run got there first): a second run, or one overlapping another, only
 * counts skips.
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

export async function runDue<S, C, E, K extends string>(ctx: JobContext, run: DueRun<S, C, E, K>, report: DueReport<K>): Promise<DueReport<K>> {
  const { store } = ctx.deps
  let cursor: DueCursor | undefined
  for (;;) {
    const page = await run.page(ctx.now, run.pageSize, cursor)
    if (page.length === 0) return report
    cursor = page.at(-1)
    const runPage = () => duePage(ctx, run, page, report)
    const finished = run.batched && store.batch ? await store.batch(runPage) : await runPage()
    if (!finished) {
      report.unfinished = 1
      return report
    }
  }
}

/** Acts on each item of a page; false when the job's deadline came first. */
async function duePage<S, C, E, K extends string>(ctx: JobContext, run: DueRun<S, C, E, K>, page: DueCursor[], report: DueReport<K>): Promise<boolean> {
  for (const item of page) {
    if (Date.now() >= ctx.deadline) return false
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
  return true
}
