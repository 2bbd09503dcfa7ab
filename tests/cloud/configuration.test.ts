/**
 * The configuration check at a cold start, on the production path: the built notify bundle
 * (build/functions, rebuilt by `npm test` before jest) run by the function runner against one CloudBase
 * emulator, deployed several times under different names, each with its own environment variables
 * (as cloudbaserc.json would send them). A misconfigured instance answers every call "not configured"
 * with a request id, touches nothing, and names what is missing in one log line; a good one works; a
 * timer event a client sends is refused and logged, and the platform's own timer still runs.
 */
import { randomBytes } from 'node:crypto'
import { DEV_KEY } from '../../cloudfunctions/_shared/adapters/aes-gcm.cipher'
import { TEMPLATE_KEYS } from '../../types/notify.contract'
import type { CloudEmulator } from '../../tools/cloud-emulator/emulator'
import type { FunctionRunner, InvocationSource } from '../../tools/function-runner/runner'
import { deployBundleAs, type BundleDeployments } from './support/bundle-deployments'
import { waitFor } from '../support/wait-for'

const GOOD_KEY = randomBytes(32).toString('base64')
const ZERO_KEY = Buffer.alloc(32).toString('base64')
const DEV_KEY_BASE64 = DEV_KEY.toString('base64')
const IDS = Object.fromEntries(TEMPLATE_KEYS.map((key) => [key, `tmpl-${key}-${randomBytes(3).toString('hex')}`]))
const GOOD = { PHONE_ENCRYPTION_KEY: GOOD_KEY, SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(IDS) }

/** Each name is the notify bundle deployed with these variables. */
const DEPLOYMENTS: Record<string, Record<string, string>> = {
  notify: GOOD,
  'notify-no-key': { SUBSCRIBE_TEMPLATE_IDS: GOOD.SUBSCRIBE_TEMPLATE_IDS },
  'notify-zero-key': { ...GOOD, PHONE_ENCRYPTION_KEY: ZERO_KEY },
  'notify-dev-key': { ...GOOD, PHONE_ENCRYPTION_KEY: DEV_KEY_BASE64 },
  'notify-no-templates': { PHONE_ENCRYPTION_KEY: GOOD_KEY },
}

const RESIDENT: InvocationSource = { source: 'wx_client', openid: 'o-resident-li' }

let emulator: CloudEmulator
let runner: FunctionRunner
const logs: string[] = []
let deployed: BundleDeployments

beforeAll(async () => {
  deployed = await deployBundleAs('notify', DEPLOYMENTS, (line) => logs.push(line))
  emulator = deployed.emulator
  runner = deployed.runner
})

afterAll(() => deployed?.close())

async function resultOf(name: string, event: unknown, from: InvocationSource = RESIDENT): Promise<Record<string, unknown>> {
  const outcome = await runner.invoke(name, event, from)
  if (outcome.kind !== 'result') throw new Error(`${name}: expected a result, got ${JSON.stringify(outcome)}`)
  return outcome.result as Record<string, unknown>
}

/** The JSON log lines one deployment printed. */
const logOf = (name: string): Record<string, unknown>[] =>
  logs.filter((line) => line.startsWith(`[${name}] {`)).map((line) => JSON.parse(line.slice(name.length + 3)) as Record<string, unknown>)

/**
 * An instance's log comes on its stderr, its reply on another pipe: the line may arrive just after the
 * result. Waits until the expectation holds, failing with its last error after a moment.
 */
async function eventually(expectation: () => void, timeoutMs = 3_000): Promise<void> {
  await waitFor(() => (expectation(), true), { timeoutMs })
}

const touched = (name: string) => emulator.requests().filter((request) => request.functionName === name)

const NOT_CONFIGURED = {
  ok: false,
  error: { code: 'INTERNAL', message: '服务配置未完成，请联系管理员', requestId: expect.stringMatching(/^req_/), reason: 'NOT_CONFIGURED' },
}

describe.each([
  ['notify-no-key', 'PHONE_ENCRYPTION_KEY', '未设置'],
  ['notify-zero-key', 'PHONE_ENCRYPTION_KEY', '同一个字节重复'],
  ['notify-dev-key', 'PHONE_ENCRYPTION_KEY', '本地开发用的固定密钥'],
  ['notify-no-templates', 'SUBSCRIBE_TEMPLATE_IDS', '未设置'],
])('%s', (name, variable, problem) => {
  test('every call answers "not configured" with its own request id, and touches nothing', async () => {
    const first = await resultOf(name, { action: 'templates' })
    const second = await resultOf(name, { action: 'inbox' })
    const malformed = await resultOf(name, 'not even an object')
    for (const reply of [first, second, malformed]) expect(reply).toEqual(NOT_CONFIGURED)
    const ids = new Set([first, second, malformed].map((reply) => (reply.error as { requestId: string }).requestId))
    expect(ids.size).toBe(3)
    expect(touched(name)).toEqual([])
  })

  test('one log line per cold start names what is wrong, never the value; each refusal logs its request id', async () => {
    await eventually(() => expect(logOf(name).filter((line) => line.message === 'call refused: not configured')).toHaveLength(3))
    const naming = logOf(name).filter((line) => Array.isArray(line.problems))
    expect(naming).toHaveLength(1)
    expect(naming[0]).toMatchObject({ level: 'error', message: 'call refused: not configured', fn: 'notify' })
    expect((naming[0]!.problems as string[]).some((p) => p.startsWith(`${variable}：`) && p.includes(problem))).toBe(true)
    const printed = logs.filter((line) => line.startsWith(`[${name}]`)).join('\n')
    for (const secret of [GOOD_KEY, ZERO_KEY, DEV_KEY_BASE64]) expect(printed).not.toContain(secret)
  })
})

test('a timer on a misconfigured instance does nothing but log', async () => {
  const report = await runner.fireTimer('notify-no-key')
  expect(report).toMatchObject({ kind: 'result', result: { ok: false, error: { reason: 'NOT_CONFIGURED', requestId: expect.stringMatching(/^job_/) } } })
  await eventually(() => expect(logOf('notify-no-key').filter((line) => line.message === 'timer skipped: not configured')).toHaveLength(1))
  expect(touched('notify-no-key')).toEqual([])
})

describe('a good configuration', () => {
  test('works, with the configured template ids (never the local stand-ins)', async () => {
    const templates = await resultOf('notify', { action: 'templates' })
    expect(templates).toEqual({ ok: true, data: { items: TEMPLATE_KEYS.map((key) => expect.objectContaining({ key, templateId: IDS[key] })) } })
    expect(await resultOf('notify', { action: 'inbox' })).toEqual({ ok: true, data: { items: [], unread: 0 } })
    expect(logOf('notify').filter((line) => line.message?.toString().includes('not configured'))).toEqual([])
  })

  test('a timer event sent by a client is refused and logged with its openid and trigger name, and runs no job', async () => {
    const before = touched('notify').length
    const forged = await resultOf('notify', { Type: 'Timer', TriggerName: 'sweep' }, { source: 'wx_client', openid: 'o-forger' })
    expect(forged).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '定时任务只能由云平台按时触发，不能从小程序调用' } })
    expect(touched('notify')).toHaveLength(before)
    await eventually(() =>
      expect(logOf('notify').filter((line) => line.message === 'forged timer event refused')).toEqual([
        { level: 'error', message: 'forged timer event refused', fn: 'notify', openid: 'o-forger', trigger: 'sweep' },
      ]),
    )
  })

  test("the platform's timer still runs the jobs", async () => {
    const before = touched('notify').length
    const outcome = await runner.fireTimer('notify')
    expect(outcome).toMatchObject({ kind: 'result', result: { deliver: expect.any(Object) } })
    expect((outcome as { result: { deliver: Record<string, unknown> } }).result.deliver).not.toHaveProperty('error')
    expect(touched('notify').length).toBeGreaterThan(before)
  })
})
