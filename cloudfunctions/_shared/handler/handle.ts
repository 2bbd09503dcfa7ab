/**
 * The pipeline every action goes through, the same for all, step by step in docs/ARCHITECTURE.md
 * ("One write, end to end"); what it runs is each action's declaration (action.ts). Nothing throws
 * out of here.
 */
import type { z } from 'zod'
import { contracts } from '../../../types/contract'
import { DEFAULT_MESSAGES, fail, ok, type Envelope, type FieldIssue } from '../../../types/envelope'
import type { Person } from '../domain/actor.types'
import type { Caller } from '../ports/identity.port'
import type { Repositories } from '../ports/store.port'
import type { RateLimiter } from '../ports/rate-limiter.port'
import { AppFailure, contentRejected } from '../context/failures'
import type { ActionContext, Deps } from '../context/deps'
import { declarationOf, type FunctionDef, type PushHandler } from './define-function'
import type { RunnableAction } from './action'
import { pushNameOf, type PushEvent } from './push-event'
import { watchQueuedMessages } from './queued-messages'

/**
 * Counts the write against the caller's limit (in the store, shared by every instance). The limit
 * stops floods; it is no rule of the product: when the count cannot be kept the write goes ahead,
 * logged, rather than a report being refused for the counter's sake.
 */
async function withinWriteLimit(limiter: RateLimiter, deps: Deps, key: string, now: string, requestId: string): Promise<boolean> {
  try {
    return await limiter.allow(key, Date.parse(now), deps.store.writeCounts)
  } catch (error) {
    deps.log.error('write limit not counted', { requestId, error: describe(error) })
    return true
  }
}

/** The acting person: the platform's openid plus the role bindings the store holds for her. */
export async function loadPerson(repos: Pick<Repositories, 'people'>, openid: string): Promise<Person> {
  const bindings = await repos.people.rolesOf(openid)
  return { openid, roles: bindings.map(({ role, orgId }) => ({ role, orgId })) }
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error))

const toIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))

/** Every piece of her text goes past WeChat's check before it is stored (docs/RULES.md, "Limits on abuse"). */
async function checkContent(ctx: ActionContext, declaration: RunnableAction, input: unknown): Promise<void> {
  const text = (declaration.contentChecked?.(input) ?? []).filter((t): t is string => Boolean(t && t.trim())).join('\n')
  if (!text) return
  if ((await ctx.deps.contentGuard.check(text, { openid: ctx.openid })) === 'risky') throw contentRejected()
}

export interface HandleOptions {
  /**
   * Delivers what a write queued (the outbox), after its answer is known and before it is sent; only
   * when the request queued a message (queued-messages.ts).
   */
  afterWrite?: () => Promise<unknown>
}

export async function handle(
  fn: FunctionDef,
  event: unknown,
  caller: Caller,
  shared: Deps,
  options: HandleOptions = {},
): Promise<Envelope<unknown>> {
  const watch = watchQueuedMessages(shared)
  const { deps } = watch
  const requestId = deps.ids.next('req')
  let reply: Envelope<unknown>
  let declaration: RunnableAction | undefined
  try {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      return fail('INVALID_INPUT', '请求格式不正确')
    }
    const action = (event as { action?: unknown }).action
    if (typeof action !== 'string' || action === '') return fail('INVALID_INPUT', '缺少操作名称 action')
    const actions = contracts[fn.name] as Record<string, z.ZodType>
    const schema = Object.hasOwn(actions, action) ? actions[action] : undefined
    declaration = declarationOf(fn, action)
    if (!schema || !declaration) return fail('INVALID_INPUT', `不支持的操作：${action.slice(0, 40)}`)

    const parsed = schema.safeParse(event)
    if (!parsed.success) {
      const issues = toIssues(parsed.error)
      return fail('INVALID_INPUT', issues[0]?.message ?? DEFAULT_MESSAGES.INVALID_INPUT, issues)
    }

    if (caller.kind !== 'user') return fail('UNAUTHENTICATED', DEFAULT_MESSAGES.UNAUTHENTICATED)

    const now = deps.clock.now()
    let person: Promise<Person> | undefined
    const ctx: ActionContext = { openid: caller.openid, now, requestId, deps, person: () => (person ??= loadPerson(deps.store, caller.openid)) }
    const input = parsed.data
    // Idempotency before the write limit: a resend of a request already answered gets its answer
    // whatever the limits say (its first send was counted), and is not counted again.
    const answered = declaration.resend ? await declaration.resend(ctx, input) : null
    if (answered !== null) return ok(answered)
    if (deps.writeLimiter && declaration.kind === 'write' && !(await withinWriteLimit(deps.writeLimiter, deps, `${caller.openid}:${fn.name}`, now, requestId))) {
      // Its first send may have been answered while this one waited: it still gets that answer.
      const late = declaration.resend ? await declaration.resend(ctx, input) : null
      return late !== null ? ok(late) : fail('RATE_LIMITED', DEFAULT_MESSAGES.RATE_LIMITED)
    }
    const loaded = await declaration.authorize?.(ctx, input)
    await checkContent(ctx, declaration, input)
    reply = ok(await declaration.run(ctx, input, loaded))
  } catch (error) {
    if (error instanceof AppFailure) return fail(error.code, error.message, error.issues, error.reason)
    deps.log.error('action failed', { requestId, fn: fn.name, error: describe(error), stack: error instanceof Error ? error.stack : undefined })
    return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL, requestId } }
  }
  if (declaration.kind === 'write' && options.afterWrite && watch.queued()) {
    try {
      await options.afterWrite()
    } catch (error) {
      deps.log.error('delivery after change failed', { requestId, error: describe(error) })
    }
  }
  return reply
}

/** What each job (or push handler) did, by name, or why it failed. */
type RunReport = Record<string, Record<string, number> | { error: string }>

/** Runs every timer job of a function within `budgetMs`, each failure contained and logged. */
export async function runJobs(fn: FunctionDef, deps: Deps, budgetMs: number): Promise<RunReport> {
  const report: RunReport = {}
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
export async function runPush(fn: FunctionDef, push: PushEvent, deps: Deps, budgetMs: number): Promise<RunReport> {
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
    deps.log.error('push failed', { requestId, fn: fn.name, push: name, error: describe(error) })
    return { [name]: { error: `push failed (${requestId})` } }
  }
}
