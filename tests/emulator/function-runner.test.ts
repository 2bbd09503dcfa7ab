/**
 * The function runner does to a bundle what CloudBase does to a deployed function: runs it on the
 * runtime's Node, injects the platform's environment, freezes the instance between invocations, kills
 * it at the timeout and starts a cold one after a crash. Probed with tests/emulator/fixtures/probe.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { DeployedFunction } from '../../tools/function-runner/deployment'
import { createFunctionRunner, type FunctionRunner } from '../../tools/function-runner/runner'

const dir = resolve('tests/emulator/fixtures/probe')
const probe = (timeoutMs: number): DeployedFunction => ({
  name: 'probe',
  dir,
  bundle: join(dir, 'index.js'),
  runtime: 'Nodejs20.19',
  timeoutMs,
  memoryMb: 256,
  envVariables: { APP_SETTING: 'x' },
  timer: { name: 'tick', cron: '0 */10 * * * * *' },
  openapi: [],
})

let runner: FunctionRunner
let offsetMs = 0
const registered: string[] = []
const user = { source: 'wx_client' as const, openid: 'o-zhao' }

beforeEach(() => {
  offsetMs = 0
  runner = createFunctionRunner({
    functions: [probe(1500)],
    envId: 'env-test',
    appId: 'wx-test',
    serviceUrl: 'http://127.0.0.1:9/admin',
    register: (reg) => registered.push(reg.name),
    clock: () => ({ mode: 'offset', offsetMs }),
    maxInstances: 1,
    log: () => {},
  })
})
afterEach(() => runner.close())

const result = async (event: unknown, from: Parameters<FunctionRunner['invoke']>[2] = user) => {
  const outcome = await runner.invoke('probe', event, from)
  if (outcome.kind !== 'result') throw new Error(`expected a result, got ${JSON.stringify(outcome)}`)
  return outcome.result as Record<string, unknown>
}

test('runs on the runtime Node with the platform environment, UTC, and the caller per invocation', async () => {
  expect(registered).toContain('probe')
  const first = await result({ action: 'env' })
  expect(first).toMatchObject({ openid: 'o-zhao', source: 'wx_client', tz: 'UTC', runenv: 'SCF', offset: 0 })
  expect(first.node).toMatch(/^v20\.19\./)
  expect(JSON.parse(String(first.cnfg))).toEqual({ URL: 'http://127.0.0.1:9/admin' })
  const timer = await result({ action: 'env' }, { source: 'wx_trigger' })
  // The second call is the same warm instance; the first caller's openid is gone.
  expect(timer).toMatchObject({ openid: null, source: 'wx_trigger', calls: 2 })
})

test('the instance sees the emulated clock', async () => {
  offsetMs = 48 * 3_600_000
  const { now } = await result({ action: 'now' })
  expect(Number(now) - Date.now()).toBeGreaterThan(47 * 3_600_000)
})

test('work left running after main returns waits until the next invocation', async () => {
  const work = mkdtempSync(join(tmpdir(), 'runner-'))
  const file = join(work, 'later.txt')
  try {
    await result({ action: 'later', file })
    // Deliberately a fixed wait: the work is due 50 ms after main returned, and the frozen instance
    // must NOT run it; "the file did not appear within 400 ms" is what is being shown.
    await new Promise((r) => setTimeout(r, 400))
    expect(existsSync(file)).toBe(false)
    await result({ action: 'sleep', ms: 100 })
    expect(readFileSync(file, 'utf8')).toBe('ran\n')
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
})

test('an invocation past the timeout is killed, and the next call starts a cold instance', async () => {
  expect(await runner.invoke('probe', { action: 'sleep', ms: 5000 }, user)).toEqual({ kind: 'timeout', timeoutMs: 1500 })
  expect((await result({})).calls).toBe(1)
  expect(runner.stats().probe).toMatchObject({ coldStarts: 2 })
})

test('a thrown error fails the invocation; an uncaught one kills the instance', async () => {
  expect((await runner.invoke('probe', { action: 'throw' }, user)).kind).toBe('error')
  expect((await result({})).calls).toBe(2)
  expect((await runner.invoke('probe', { action: 'crash' }, user)).kind).toBe('crash')
  expect((await result({})).calls).toBe(1)
})

test('a timer fires with the platform event and the trigger source', async () => {
  const outcome = await runner.fireTimer('probe')
  expect(outcome.kind).toBe('result')
})
