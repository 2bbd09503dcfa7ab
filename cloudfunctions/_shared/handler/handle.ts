/**
 * The pipeline every action goes through: parse with the contract → identity from the platform →
 * a resend already answered gets its answer → the write limit → run (the runner authorizes against
 * the thing it loads) → envelope. Nothing throws out of here.
 */
import type { z } from 'zod'
import { contracts } from '../../../types/contract'
import { DEFAULT_MESSAGES, fail, ok, type Envelope, type FieldIssue } from '../../../types/envelope'
import type { Caller } from '../ports/identity.port'
import type { RateLimiter } from '../ports/rate-limiter.port'
import { AppFailure } from '../context/failures'
import type { ActionContext, Deps } from '../context/deps'
import type { FunctionDef, PushHandler } from './define-function'
import { READ_ACTIONS } from './read-actions'
import { pushNameOf, type PushEvent } from './push-event'

type ResendLookup = (ctx: ActionContext, input: unknown) => Promise<unknown>

/**
 * Counts the write against the caller's limit (in the store, shared by every instance). The limit
 * stops floods; it is no rule of the product: when the count cannot be kept the write goes ahead,
 * logged, rather than a report being refused for the counter's sake.
 */
async function withinWriteLimit(limiter: RateLimiter, deps: Deps, key: string, now: string, requestId: string): Promise<boolean> {
  try {
    return await limiter.allow(key, Date.parse(now), deps.store.writeCounts)
  } catch (error) {
    deps.log.error('write limit not counted', { requestId, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })
    return true
  }
}

const toIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))

export async function handle(
  fn: FunctionDef,
  event: unknown,
  caller: Caller,
  deps: Deps,
): Promise<Envelope<unknown>> {
  const requestId = deps.ids.next('req')
  try {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      return fail('INVALID_INPUT', '请求格式不正确')
    }
    const action = (event as { action?: unknown }).action
    if (typeof action !== 'string' || action === '') return fail('INVALID_INPUT', '缺少操作名称 action')
    const actions = contracts[fn.name] as Record<string, z.ZodType>
    const schema = Object.hasOwn(actions, action) ? actions[action] : undefined
    const run = (fn.actions as Record<string, unknown>)[action]
    if (!schema || typeof run !== 'function') {
      return fail('INVALID_INPUT', `不支持的操作：${action.slice(0, 40)}`)
    }

    const parsed = schema.safeParse(event)
    if (!parsed.success) {
      const issues = toIssues(parsed.error)
      return fail('INVALID_INPUT', issues[0]?.message ?? DEFAULT_MESSAGES.INVALID_INPUT, issues)
    }

    if (caller.kind !== 'user') return fail('UNAUTHENTICATED', DEFAULT_MESSAGES.UNAUTHENTICATED)

    const now = deps.clock.now()
    const ctx = { openid: caller.openid, now, requestId, deps }
    // Idempotency before the write limit: a resend of a request already answered gets its answer
    // whatever the limits say (its first send was counted), and is not counted again.
    const lookup = Object.hasOwn(fn.resends ?? {}, action) ? (fn.resends as Record<string, ResendLookup | undefined>)[action] : undefined
    const answered = lookup ? await lookup(ctx, parsed.data) : null
    if (answered !== null) return ok(answered)
    if (deps.writeLimiter && !READ_ACTIONS.has(action) && !(await withinWriteLimit(deps.writeLimiter, deps, `${caller.openid}:${fn.name}`, now, requestId))) {
      // Its first send may have been answered while this one waited: it still gets that answer.
      const late = lookup ? await lookup(ctx, parsed.data) : null
      if (late !== null) return ok(late)
      return fail('RATE_LIMITED', DEFAULT_MESSAGES.RATE_LIMITED)
    }
    return ok(await run(ctx, parsed.data))
  } catch (error) {
    if (error instanceof AppFailure) return fail(error.code, error.message, error.issues, error.reason)
    deps.log.error('action failed', {
      requestId,
      fn: fn.name,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    })
    return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL, requestId } }
  }
}

/** Runs every timer job of a function within `budgetMs`, each failure contained and logged. */
export async function runJobs(
  fn: FunctionDef,
  deps: Deps,
  budgetMs: number,
): Promise<Record<string, Record<string, number> | { error: string }>> {
  const report: Record<string, Record<string, number> | { error: string }> = {}
  const deadline = Date.now() + budgetMs
  for (const [name, job] of Object.entries(fn.jobs)) {
    const requestId = deps.ids.next('job')
    try {
      report[name] = await job({ now: deps.clock.now(), requestId, deps, deadline })
    } catch (error) {
      deps.log.error('job failed', { requestId, fn: fn.name, job: name, error: String(error) })
      report[name] = { error: `job failed (${requestId})` }
    }
  }
  return report
}

/**
 * Runs the function's handler of a message push (its `Event`) within `budgetMs`, a failure contained and
 * logged. The caller has made sure the push came from the platform (push-event.ts). A push this
 * function has no handler for is logged and left: the console sends it to the wrong function.
 */
export async function runPush(
  fn: FunctionDef,
  push: PushEvent,
  deps: Deps,
  budgetMs: number,
): Promise<Record<string, Record<string, number> | { error: string }>> {
  const requestId = deps.ids.next('push')
  const name = typeof push.Event === 'string' ? push.Event : ''
  const handler = Object.hasOwn(fn.pushes ?? {}, name) ? (fn.pushes as Record<string, PushHandler | undefined>)[name] : undefined
  if (!handler) {
    deps.log.error('push not handled here', { requestId, fn: fn.name, push: pushNameOf(push) })
    return { [pushNameOf(push)]: { ignored: 1 } }
  }
  try {
    return { [name]: await handler({ now: deps.clock.now(), requestId, deps, deadline: Date.now() + budgetMs }, push) }
  } catch (error) {
    deps.log.error('push failed', { requestId, fn: fn.name, push: name, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })
    return { [name]: { error: `push failed (${requestId})` } }
  }
}
