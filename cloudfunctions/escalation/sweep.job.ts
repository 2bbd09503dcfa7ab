/**
 * The deadline sweep: every case whose next timer instant has come gets its timer command
 * (MissDeadline: escalate, or flag at the province; AutoCloseCase), each in its own transaction with
 * its timeline events and messages. Repeat-safe: a case another run already moved is no longer due
 * (its due instant moved on), and the decider refuses a deadline that has not passed.
 * Bounded: it stops at the job's deadline; the next trigger resumes from what is still due.
 * Where the store batches (SQLite), a page of cases commits at once: each case is still all or nothing,
 * and a crash before the commit leaves the whole page due for the next run.
 */
import { nextDue } from '../_shared/domain/case.timers'
import { AppFailure } from '../_shared/context/failures'
import type { JobContext } from '../_shared/context/deps'
import type { CaseCommand } from '../_shared/domain/case.commands'
import { caseAggregate } from '../_shared/commands/case.aggregate'
import { change } from '../_shared/commands/command-handler'
import type { DueCursor } from '../_shared/ports/store.port'

const PAGE = 200

type SweepReport = Record<'escalated' | 'flaggedOverdue' | 'autoClosed' | 'skipped' | 'failed' | 'unfinished', number>

export async function sweepDeadlines(ctx: JobContext, pageSize = PAGE): Promise<Record<string, number>> {
  const { deps } = ctx
  const report: SweepReport = { escalated: 0, flaggedOverdue: 0, autoClosed: 0, skipped: 0, failed: 0, unfinished: 0 }
  let cursor: DueCursor | undefined
  for (;;) {
    const page = await deps.store.cases.due(ctx.now, pageSize, cursor)
    if (page.length === 0) return report
    cursor = page.at(-1)
    // One commit per page where the store can batch (SQLite); each case is still its own transaction.
    const run = () => sweepPage(ctx, page, report)
    const finished = deps.store.batch ? await deps.store.batch(run) : await run()
    if (!finished) {
      report.unfinished = 1
      return report
    }
  }
}

/** Acts on each case of a page; false when the job's deadline came first. */
async function sweepPage(ctx: JobContext, page: DueCursor[], report: SweepReport): Promise<boolean> {
  const { deps, now } = ctx
  for (const item of page) {
    if (Date.now() >= ctx.deadline) return false
    try {
      const changed = await change(deps, caseAggregate, item.id, (state): CaseCommand => {
        const due = nextDue(state)
        // Another run got here first: what made it due is already done.
        if (!due || due.at > now) throw new AppFailure('CONFLICT', 'already handled')
        return { type: due.command, at: now, actor: 'system' }
      })
      for (const event of changed.events) {
        if (event.type === 'CaseEscalated') report.escalated++
        else if (event.type === 'CaseFlaggedOverdue') report.flaggedOverdue++
        else if (event.type === 'CaseClosed') report.autoClosed++
      }
    } catch (error) {
      if (error instanceof AppFailure && error.code === 'CONFLICT') report.skipped++
      else {
        report.failed++
        deps.log.error('sweep: case failed', { requestId: ctx.requestId, caseId: item.id, error: String(error) })
      }
    }
  }
  return true
}
