/** The action pipeline: every failure is an envelope with a code and a Chinese message. */
import { handle } from '../../cloudfunctions/_shared/handler/handle'
import { defineFunction, type FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import type { ActionDeclaration } from '../../cloudfunctions/_shared/handler/action'
import { accountFunction } from '../../cloudfunctions/account/account.function'
import { forbidden } from '../../cloudfunctions/_shared/context/failures'
import { aMessage } from '../contract/store.messages.contract'
import { WindowRateLimiter } from '../support/window-rate-limiter'
import { AdjustableClock } from '../../cloudfunctions/_shared/adapters/clock'
import { countingIds } from '../support/counting-ids'
import { openSqliteStore } from '../../cloudfunctions/_shared/adapters/sqlite/store.sqlite'
import type { Deps } from '../../cloudfunctions/_shared/context/deps'
import type { Logger } from '../../cloudfunctions/_shared/ports/logger.port'
import { templateIds } from '../../cloudfunctions/_shared/notify/templates'
import { keywordGuard, noMediaCheck } from '../../cloudfunctions/_shared/adapters/local-stand-ins'
import { aesGcmCipher, keyFromEnvironment } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'

const logged: Record<string, unknown>[] = []
const log: Logger = { info: () => {}, error: (message, fields) => logged.push({ message, ...fields }) }
const deps: Deps = {
  store: openSqliteStore(':memory:', aesGcmCipher(keyFromEnvironment(true))),
  clock: AdjustableClock.fixedAt('2026-11-30T01:00:00.000Z'),
  ids: countingIds(),
  log,
  contentGuard: keywordGuard,
  cipher: aesGcmCipher(keyFromEnvironment(true)),
  messenger: { send: async () => ({ ok: true }) },
  templates: templateIds(),
  groups: { openGId: async () => null },
  files: { uploadFolder: () => 'case-photos/test', acceptable: async () => false, viewUrls: async () => ({}), checkUrls: async () => ({}) },
  mediaGuard: noMediaCheck,
  shareCards: { issue: async () => ({ activityId: 'a', expiresAt: '2026-12-01T01:00:00.000Z' }), update: async () => ({ ok: true }) },
}
afterAll(() => deps.store.close())

/** A function whose actions misbehave on purpose, with the account contract's action names. */
function fnWith(me: () => Promise<never>): FunctionDef {
  return defineFunction('account', { ...accountFunction.actions, me: { ...accountFunction.actions.me, run: me } }) as FunctionDef
}

const renamed = { org: { id: 'x', name: 'x', level: 'village' as const, parentId: null, hasChildren: false } }
/** A stand-in write that succeeds unless its own steps refuse, so only the pipeline decides. */
const renameOrg = (steps: Partial<ActionDeclaration<'account', 'renameOrg', void>> = {}): ActionDeclaration<'account', 'renameOrg', void> => ({
  fn: 'account',
  name: 'renameOrg',
  kind: 'write',
  authorization: [],
  run: async () => renamed,
  ...steps,
})
const user = { kind: 'user', openid: 'o-1' } as const

test.each([
  ['not an object', 'hello', '请求格式不正确'],
  ['an array', [], '请求格式不正确'],
  ['no action', {}, '缺少操作名称 action'],
  ['an unknown action', { action: 'drop' }, '不支持的操作：drop'],
  ['an inherited name', { action: 'toString' }, '不支持的操作：toString'],
])('%s answers INVALID_INPUT in Chinese', async (_, event, message) => {
  const reply = await handle(fnWith(async () => ({}) as never), event, user, deps)
  expect(reply).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message } })
})

test('a field of the wrong type is named in the issues', async () => {
  const reply = await handle(fnWith(async () => ({}) as never), { action: 'orgs', parentId: 7 }, user, deps)
  expect(reply).toEqual({
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: '上级组织格式不正确',
      issues: [{ path: 'parentId', message: '上级组织格式不正确' }],
    },
  })
})

test('no identity from the platform answers UNAUTHENTICATED, whatever the body claims', async () => {
  const reply = await handle(fnWith(async () => ({}) as never), { action: 'me', openid: 'o-1' }, { kind: 'anonymous' }, deps)
  expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
})

test('an AppFailure becomes its envelope', async () => {
  const reply = await handle(fnWith(async () => { throw forbidden('只有议事会主任可以受理') }), { action: 'me' }, user, deps)
  expect(reply).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '只有议事会主任可以受理' } })
})

test('an unexpected error is INTERNAL with a request id, logged with its stack, never shown', async () => {
  const reply = await handle(fnWith(async () => { throw new TypeError('x is undefined') }), { action: 'me' }, user, deps)
  expect(reply.ok).toBe(false)
  if (reply.ok) return
  expect(reply.error.code).toBe('INTERNAL')
  expect(reply.error.message).toBe('系统繁忙，请稍后再试')
  expect(JSON.stringify(reply)).not.toContain('x is undefined')
  expect(logged.at(-1)).toMatchObject({ requestId: reply.error.requestId, error: 'TypeError: x is undefined' })
  expect(logged.at(-1)?.stack).toEqual(expect.stringContaining('TypeError'))
})

test('writes are limited per person and function; reads are not', async () => {
  const limited = { ...deps, writeLimiter: new WindowRateLimiter(2, 60_000) }
  const fn = defineFunction('account', { ...accountFunction.actions, renameOrg: renameOrg() }) as FunctionDef
  const write = () => handle(fn, { action: 'renameOrg', orgId: 'x', name: '新名' }, user, limited)
  expect((await write()).ok).toBe(true)
  expect((await write()).ok).toBe(true)
  expect(await write()).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' } })
  expect((await handle(fn, { action: 'orgs' }, user, limited)).ok).toBe(true)
  expect((await handle(fn, { action: 'renameOrg', orgId: 'x', name: '新名' }, { kind: 'user', openid: 'o-2' }, limited)).ok).toBe(true)
})

describe('the steps run in their order', () => {
  const steps: string[] = []
  const guard = { check: async (text: string) => { steps.push(`check ${text}`); return text.includes('risky') ? ('risky' as const) : ('pass' as const) } }
  const checked = { ...deps, contentGuard: guard }
  const run = async () => { steps.push('run'); return { org: { id: 'x', name: 'x', level: 'village' as const, parentId: null, hasChildren: false } } }
  const call = (declaration: ActionDeclaration<'account', 'renameOrg', void>, name: string) =>
    handle(defineFunction('account', { ...accountFunction.actions, renameOrg: declaration }) as FunctionDef, { action: 'renameOrg', orgId: 'x', name }, user, checked)
  beforeEach(() => steps.splice(0))

  test('a refusal by authorize comes before her text is checked (a stranger\'s text is not worth a check)', async () => {
    const reply = await call(renameOrg({ authorize: async () => { steps.push('authorize'); throw forbidden('不可以') }, contentChecked: ({ name }) => [name], run }), 'risky 名')
    expect(reply).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '不可以' } })
    expect(steps).toEqual(['authorize'])
  })

  test('rejected text stops the action before it runs', async () => {
    const reply = await call(renameOrg({ authorize: async () => { steps.push('authorize') }, contentChecked: ({ name }) => [name], run }), 'risky 名')
    expect(reply).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(steps).toEqual(['authorize', 'check risky 名'])
  })

  test('accepted text runs it, and blank fields are not sent to the check', async () => {
    const reply = await call(renameOrg({ contentChecked: ({ name }) => [name, undefined, '  '], run }), '新名')
    expect(reply.ok).toBe(true)
    expect(steps).toEqual(['check 新名', 'run'])
  })
})

/** A stand-in write that queues a message, outside any transaction. */
const queuingRename = renameOrg({ run: async (ctx) => (await ctx.deps.store.messages.add([aMessage(ctx.requestId)]), renamed) })

test('what a write queued is delivered after it succeeds; not after a write that queued nothing, a read or a failure', async () => {
  let deliveries = 0
  const options = { afterWrite: async () => { deliveries++ } }
  const fn = defineFunction('account', { ...accountFunction.actions, renameOrg: queuingRename }) as FunctionDef
  expect((await handle(fn, { action: 'renameOrg', orgId: 'x', name: '新名' }, user, deps, options)).ok).toBe(true)
  expect(deliveries).toBe(1)
  const quiet = defineFunction('account', { ...accountFunction.actions, renameOrg: renameOrg() }) as FunctionDef
  expect((await handle(quiet, { action: 'renameOrg', orgId: 'x', name: '新名' }, user, deps, options)).ok).toBe(true)
  expect((await handle(fn, { action: 'orgs' }, user, deps, options)).ok).toBe(true)
  expect((await handle(fn, { action: 'renameOrg', orgId: 'x' }, user, deps, options)).ok).toBe(false)
  expect(deliveries).toBe(1)
})

test('a message queued in a transaction counts, and only for the request that queued it', async () => {
  const delivered: string[] = []
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  const inTransaction = renameOrg({
    run: async (ctx) => {
      await ctx.deps.store.transaction((tx) => tx.messages.add([aMessage(ctx.requestId)]))
      return renamed
    },
  })
  // The quiet write runs while the other is under way, on the same deps: it must not deliver.
  const quiet = renameOrg({ run: async () => (await held, renamed) })
  const queuingFn = defineFunction('account', { ...accountFunction.actions, renameOrg: inTransaction }) as FunctionDef
  const quietFn = defineFunction('account', { ...accountFunction.actions, renameOrg: quiet }) as FunctionDef
  const event = { action: 'renameOrg', orgId: 'x', name: '新名' }
  const both = Promise.all([
    handle(quietFn, event, user, deps, { afterWrite: async () => { delivered.push('quiet') } }),
    handle(queuingFn, event, user, deps, { afterWrite: async () => { delivered.push('queuing') } }).finally(release),
  ])
  expect((await both).map((reply) => reply.ok)).toEqual([true, true])
  expect(delivered).toEqual(['queuing'])
})

test('a failed delivery is logged and the write still answers ok', async () => {
  const fn = defineFunction('account', { ...accountFunction.actions, renameOrg: queuingRename }) as FunctionDef
  const reply = await handle(fn, { action: 'renameOrg', orgId: 'x', name: '新名' }, user, deps, { afterWrite: async () => { throw new Error('send down') } })
  expect(reply.ok).toBe(true)
  expect(logged.at(-1)).toMatchObject({ message: 'delivery after change failed', error: 'Error: send down' })
})
