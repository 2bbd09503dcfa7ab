/**
 * Delivery (docs/ARCHITECTURE.md, "A message row: the outbox", says why it has this shape): every due
 * message becomes a WeChat subscription message if a template fits it and she has a credit for it, or
 * stays in her message centre only. It is claimed in one transaction before the send and settled in
 * another after it; a send whose outcome is unknown (no answer in time, or a run killed between send
 * and settle) is settled as failed, its credit kept spent, and never repeated.
 */
import { addMs } from '../domain/iso-time'
import type { JobContext } from '../context/deps'
import type { MessageRecord } from '../ports/store.port'
import { SEND_TIMEOUT_MS } from '../ports/messenger.port'
import { shouldSpendCredit, templateData, TEMPLATE_OF_KIND } from './templates'

const LEASE_MS = 5 * 60_000
const MAX_ATTEMPTS = 5
/** Minutes to wait after the nth failed attempt. */
const BACKOFF_MINUTES = [1, 5, 30, 120]
const PAGE = 100
/** The claim before a send and the settle after it: two single-document transactions. */
const CLAIM_AND_SETTLE_MS = 1_000
/** How much of a run's time one message may need at most: start none with less left. */
export const MESSAGE_BUDGET_MS = SEND_TIMEOUT_MS + CLAIM_AND_SETTLE_MS

type Claim = { message: MessageRecord; templateId: string; data: Record<string, string> }
type Outcome = 'sent' | 'inboxOnly' | 'retried' | 'failed' | 'unknown' | 'interrupted' | 'skipped'

async function claim(ctx: JobContext, id: string): Promise<Claim | Outcome> {
  const { deps, now } = ctx
  return deps.store.transaction(async (tx) => {
    const message = await tx.messages.get(id)
    if (!message || message.nextAttemptAt > now) return 'skipped'
    if (message.status === 'sending') {
      await tx.messages.put({ ...message, status: 'failed', lastError: '发送中断，未重发' })
      return 'interrupted'
    }
    if (message.status !== 'pending') return 'skipped'
    const key = TEMPLATE_OF_KIND[message.kind]
    const data = templateData(message)
    if (!key || !data) {
      await tx.messages.put({ ...message, status: 'inbox_only' })
      return 'inboxOnly'
    }
    const templateId = deps.templates[key]
    const credits = (await tx.credits.balance(message.openid))[templateId] ?? 0
    if (!shouldSpendCredit(message.kind, credits) || !(await tx.credits.take(message.openid, templateId))) {
      await tx.messages.put({ ...message, status: 'inbox_only', lastError: '未订阅或订阅次数已用完' })
      return 'inboxOnly'
    }
    const claimed: MessageRecord = {
      ...message,
      status: 'sending',
      attempts: message.attempts + 1,
      nextAttemptAt: addMs(now, LEASE_MS),
    }
    await tx.messages.put(claimed)
    return { message: claimed, templateId, data }
  })
}

async function settle(ctx: JobContext, claimed: Claim): Promise<Outcome> {
  const { deps, now } = ctx
  const { message, templateId, data } = claimed
  const result = await deps.messenger.send({ openid: message.openid, templateId, page: message.page, data, kind: message.kind })
  return deps.store.transaction(async (tx) => {
    const current = await tx.messages.get(message.id)
    if (!current || current.status !== 'sending') return 'skipped'
    if (result.ok) {
      const { lastError: _dropped, ...rest } = current
      await tx.messages.put({ ...rest, status: 'sent', sentAt: now })
      return 'sent'
    }
    const error = `${result.code} ${result.message}`.slice(0, 200)
    if ('unknown' in result) {
      await tx.messages.put({ ...current, status: 'failed', lastError: `发送超时，结果未知，未重发：${error}`.slice(0, 200) })
      return 'unknown'
    }
    if (result.code === 43101) {
      // She has no credit left (or refused) as far as WeChat knows: believe WeChat.
      await tx.credits.clear(message.openid, templateId)
      await tx.messages.put({ ...current, status: 'inbox_only', lastError: error })
      return 'inboxOnly'
    }
    // The credit was not used: give it back.
    await tx.credits.grant(message.openid, templateId, 1)
    if (current.attempts >= MAX_ATTEMPTS) {
      await tx.messages.put({ ...current, status: 'failed', lastError: error })
      return 'failed'
    }
    const wait = (BACKOFF_MINUTES[current.attempts - 1] ?? 120) * 60_000
    await tx.messages.put({ ...current, status: 'pending', nextAttemptAt: addMs(now, wait), lastError: error })
    return 'retried'
  })
}

export async function deliverMessages(ctx: JobContext): Promise<Record<string, number>> {
  const report: Record<Outcome, number> = { sent: 0, inboxOnly: 0, retried: 0, failed: 0, unknown: 0, interrupted: 0, skipped: 0 }
  const seen = new Set<string>()
  for (;;) {
    const due = (await ctx.deps.store.messages.duePending(ctx.now, PAGE)).filter((m) => !seen.has(m.id))
    if (due.length === 0) return report
    for (const message of due) {
      // `deadline` is when the run must be done: start a message only if all of it fits.
      if (Date.now() + MESSAGE_BUDGET_MS > ctx.deadline) return { ...report, unfinished: 1 }
      seen.add(message.id)
      const claimed = await claim(ctx, message.id)
      report[typeof claimed === 'string' ? claimed : await settle(ctx, claimed)]++
    }
  }
}
