/**
 * The verdict of a photo's content check, pushed by WeChat as the `wxa_media_check` message
 * (`{ MsgType: 'event', Event: 'wxa_media_check', trace_id, version: 2, result: { suggest, label },
 * detail, … }`, the mediaCheckAsync docs' 异步检测结果推送). The caller (cloud-entry.ts, through
 * handler/push-event.ts) has made sure the platform sent it.
 *
 * One transaction: the check's record takes the verdict (once: a push repeated finds it recorded and
 * does nothing) and, for a verdict that hides the photo (domain/photo-check.policy.ts: risky), the case
 * decider hides it (RejectPhoto → CasePhotoRejected). A trace id nobody started here is logged and
 * left. What the check found (its label) stays on the record; the case says only that a photo was hidden.
 */
import { hidesPhoto, isPhotoVerdict, type PhotoVerdict } from '../_shared/domain/photo-check.policy'
import type { CaseCommand } from '../_shared/domain/case.commands'
import { caseAggregate } from '../_shared/commands/case.aggregate'
import { changeIn } from '../_shared/commands/command-handler'
import type { JobContext } from '../_shared/context/deps'
import { VersionConflict } from '../_shared/ports/store.port'

interface Verdict {
  traceId: string
  verdict: PhotoVerdict
  label?: string
}

/** WeChat's push, read strictly: anything else is not a verdict we can act on. */
export function readVerdict(push: Record<string, unknown>): Verdict | null {
  const traceId = push.trace_id
  const result = push.result as { suggest?: unknown; label?: unknown } | null | undefined
  if (typeof traceId !== 'string' || traceId === '' || traceId.length > 128) return null
  if (typeof result !== 'object' || result === null || !isPhotoVerdict(result.suggest)) return null
  const label = typeof result.label === 'string' || typeof result.label === 'number' ? String(result.label).slice(0, 32) : undefined
  return { traceId, verdict: result.suggest, ...(label !== undefined && { label }) }
}

type Outcome = 'hidden' | 'alreadyHidden' | 'kept' | 'repeated' | 'unknown'

export async function mediaVerdictPush(ctx: JobContext, push: Record<string, unknown>): Promise<Record<string, number>> {
  const { deps, now, requestId } = ctx
  const verdict = readVerdict(push)
  if (!verdict) {
    deps.log.error('media check push unreadable', { requestId })
    return { unreadable: 1 }
  }
  const { traceId } = verdict
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await deps.store.transaction(async (tx): Promise<{ outcome: Outcome; caseId?: string }> => {
        const check = await tx.mediaChecks.get(traceId)
        if (!check) return { outcome: 'unknown' }
        const settled = await tx.mediaChecks.settle(traceId, { verdict: verdict.verdict, ...(verdict.label !== undefined && { label: verdict.label }), at: now })
        if (!settled) return { outcome: 'repeated', caseId: check.caseId }
        if (!hidesPhoto(verdict.verdict)) return { outcome: 'kept', caseId: check.caseId }
        const changed = await changeIn(tx, deps, caseAggregate, check.caseId, (): CaseCommand => ({ type: 'RejectPhoto', at: now, actor: 'system', photo: check.photo }))
        return { outcome: changed.events.length > 0 ? 'hidden' : 'alreadyHidden', caseId: check.caseId }
      })
      const fields = { requestId, traceId, verdict: verdict.verdict, ...(outcome.caseId && { caseId: outcome.caseId }) }
      if (outcome.outcome === 'unknown') deps.log.error('media check push for an unknown trace id ignored', fields)
      else deps.log.info(`media check verdict: ${outcome.outcome}`, fields)
      return { [outcome.outcome]: 1 }
    } catch (error) {
      // Someone changed the case between our read and write (CloudBase): read it again.
      if (error instanceof VersionConflict && attempt < 3) continue
      throw error
    }
  }
}
