/**
 * Delivery (docs/ARCHITECTURE.md, "A message row: the outbox", says why it has this shape): every due
 * message becomes a WeChat subscription message if a template fits it and she has a credit for it, or
 * stays in her message centre only. It is claimed before the send and settled after it, each step one
 * conditional write of the message (or, when a credit is spent or given back with it, a transaction);
 * a send whose outcome is unknown (no answer in time, or a run killed between send and settle) is
 * settled as failed, its credit kept spent, and never repeated.
 */
import { addMs } from '../domain/iso-time'
import type { JobContext } from '../context/deps'
import type { DeliveryChange, MessageRecord } from '../ports/store.port'
import { SEND_TIMEOUT_MS } from '../ports/messenger.port'
import { shouldSpendCredit, templateData, TEMPLATE_OF_KIND } from './templates'

const LEASE_MS = 5 * 60_000
const MAX_ATTEMPTS = 5
/** Minutes to wait after the nth failed attempt. */
const BACKOFF_MINUTES = [1, 5, 30, 120]
const PAGE = 100
/** The claim before a send and the settle after it: at most two single-document transactions. */
const CLAIM_AND_SETTLE_MS = 1_000
/** How much of a run's time one message may need at most: start none with less left. */
export const MESSAGE_BUDGET_MS = SEND_TIMEOUT_MS + CLAIM_AND_SETTLE_MS

type Claim = { message: MessageRecord; templateId: string; data: Record<string, string> }
type Outcome = 'sent' | 'inboxOnly' | 'retried' | 'failed' | 'unknown' | 'interrupted' | 'skipped'

/**
 * A step that writes the message alone, as seen (`seen`: its status and nextAttemptAt when it was
 * read): one conditional write (MessageRepository.updateIf) where a transaction would read it again
 * and write it. If another run changed it meanwhile, nothing is written and it is that run's.
 */
const step = async (ctx: JobContext, seen: MessageRecord, change: DeliveryChange, outcome: Outcome): Promise<Outcome> =>
  (await ctx.deps.store.messages.updateIf(seen.id, seen, change)) ? outcome : 'skipped'

/**
 * `due` is the message as duePending read it. What changes the message alone is one conditional write
 * on that reading; spending a credit and claiming the message must commit together, so that one is a
 * transaction that reads the message again.
 */
async function claim(ctx: JobContext, due: MessageRecord): Promise<Claim | Outcome> {
  const { deps, now } = ctx
  if (due.nextAttemptAt > now) return 'skipped'
  if (due.status === 'sending') return step(ctx, due, { status: 'failed', lastError: '发送中断，未重发' }, 'interrupted')
  if (due.status !== 'pending') return 'skipped'
  const key = TEMPLATE_OF_KIND[due.kind]
  const data = templateData(due)
  if (!key || !data) return step(ctx, due, { status: 'inbox_only' }, 'inboxOnly')
  const templateId = deps.templates[key]
  // Read outside any transaction (on CloudBase, a query, it never was in one: scope.cloudbase.ts):
  // take() below is what decides, atomically, whether a credit is spent.
  const credits = (await deps.store.credits.balance(due.openid))[templateId] ?? 0
  const noCredit = { status: 'inbox_only', lastError: '未订阅或订阅次数已用完' } as const
  if (!shouldSpendCredit(due.kind, credits)) return step(ctx, due, noCredit, 'inboxOnly')
  return deps.store.transaction(async (tx) => {
    const message = await tx.messages.get(due.id)
    if (!message || message.status !== 'pending' || message.nextAttemptAt !== due.nextAttemptAt) return 'skipped'
    if (!(await tx.credits.take(message.openid, templateId))) {
      await tx.messages.put({ ...message, ...noCredit })
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
  // Sent, or its outcome unknown: the message alone changes, if it is still this run's claim (its
  // lease, nextAttemptAt, is this claim's until another run takes it over as interrupted).
  if (result.ok) return step(ctx, message, { status: 'sent', sentAt: now, lastError: undefined }, 'sent')
  const error = `${result.code} ${result.message}`.slice(0, 200)
  if ('unknown' in result) return step(ctx, message, { status: 'failed', lastError: `发送超时，结果未知，未重发：${error}`.slice(0, 200) }, 'unknown')
  // A refusal changes her credits with the message: together, in a transaction.
  return deps.store.transaction(async (tx) => {
    const current = await tx.messages.get(message.id)
    if (!current || current.status !== 'sending' || current.nextAttemptAt !== message.nextAttemptAt) return 'skipped'
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
    const page = await ctx.deps.store.messages.duePending(ctx.now, PAGE)
    const due = page.filter((m) => !seen.has(m.id))
    if (due.length === 0) return report
    for (const message of due) {
      // `deadline` is when the run must be done: start a message only if all of it fits.
      if (Date.now() + MESSAGE_BUDGET_MS > ctx.deadline) return { ...report, unfinished: 1 }
      seen.add(message.id)
      const claimed = await claim(ctx, message)
      report[typeof claimed === 'string' ? claimed : await settle(ctx, claimed)]++
    }
    // A short page was every message due when it was read: asking again would find only those that
    // came due since, which the next run (a timer's, or the next write's) delivers.
    if (page.length < PAGE) return report
  }
}
