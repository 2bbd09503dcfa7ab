/**
 * The one reminder: members who have not voted hear once, some hours before the deadline (the time
 * was fixed on the deliberation at open). The reminder is recorded on the deliberation in the same
 * transaction as its message rows, so it goes out exactly once however often the job runs.
 */
import type { JobContext } from '../_shared/context/deps'
import { runDue } from './due.runner'

const PAGE = 200

export async function remindNonVoters(ctx: JobContext, pageSize = PAGE): Promise<Record<string, number>> {
  const { done, ...rest } = await runDue(
    ctx,
    {
      name: 'remind',
      page: (now, limit, after) => ctx.deps.store.deliberations.dueForReminder(now, limit, after),
      command: (_state, now) => ({ type: 'RemindVoters', at: now, actor: 'system' }),
    },
    pageSize,
  )
  return { reminded: done, ...rest }
}
