/**
 * Closes every open deliberation whose deadline has come: tally from the kept counts, the result to
 * every member, the result onto the case's timeline — one transaction per deliberation.
 */
import type { JobContext } from '../_shared/context/deps'
import { runDue } from './due.runner'

const PAGE = 200

export async function closeDueDeliberations(ctx: JobContext, pageSize = PAGE): Promise<Record<string, number>> {
  const { done, ...rest } = await runDue(
    ctx,
    {
      name: 'close',
      page: (now, limit, after) => ctx.deps.store.deliberations.dueToClose(now, limit, after),
      command: (_state, now) => ({ type: 'CloseDeliberation', at: now, actor: 'system' }),
    },
    pageSize,
  )
  return { closed: done, ...rest }
}
