/**
 * The loop both timer jobs share (after escalation/sweep.job.ts): page through what is due by cursor,
 * run one timer command per deliberation in its own transaction, count what happened, stop at the
 * job's deadline. Repeat-safe because the decider refuses what is no longer due (already closed,
 * already reminded): a second run, or one overlapping another, only counts skips.
 */
import type { DeliberationCommand } from '../_shared/domain/deliberation.commands'
import type { DeliberationState } from '../_shared/domain/deliberation.state'
import { deliberationAggregate } from '../_shared/commands/deliberation.aggregate'
import { change } from '../_shared/commands/command-handler'
import { AppFailure } from '../_shared/context/failures'
import type { JobContext } from '../_shared/context/deps'
import type { DueCursor } from '../_shared/ports/store.port'

export interface DueRun {
  name: string
  page: (now: string, limit: number, after?: DueCursor) => Promise<DueCursor[]>
  command: (state: DeliberationState, now: string) => DeliberationCommand
}

export async function runDue(ctx: JobContext, run: DueRun, pageSize: number): Promise<{ done: number; skipped: number; failed: number; unfinished: number }> {
  const report = { done: 0, skipped: 0, failed: 0, unfinished: 0 }
  let cursor: DueCursor | undefined
  for (;;) {
    const page = await run.page(ctx.now, pageSize, cursor)
    if (page.length === 0) return report
    for (const item of page) {
      if (Date.now() >= ctx.deadline) {
        report.unfinished = 1
        return report
      }
      cursor = item
      try {
        const changed = await change(ctx.deps, deliberationAggregate, item.id, (state) => run.command(state, ctx.now))
        if (changed.events.length > 0) report.done++
        else report.skipped++
      } catch (error) {
        if (error instanceof AppFailure && error.code === 'CONFLICT') report.skipped++
        else {
          report.failed++
          ctx.deps.log.error(`${run.name}: deliberation failed`, { requestId: ctx.requestId, deliberationId: item.id, error: String(error) })
        }
      }
    }
  }
}
