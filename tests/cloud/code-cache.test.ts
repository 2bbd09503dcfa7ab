/**
 * A built function folder (scripts/build-functions.ts) answers whatever its bundle.cache is: used when
 * it was made from this bundle.js by this runtime; not offered to V8 when damaged or made from another
 * bundle (scripts/function-loader.cjs checks it, since V8 would abort on damaged data); compiled from
 * source when V8 refuses it (other flags, as another runtime's start could pass) or when it is missing.
 * Run on cloudbase-runtime-node's node, as the platform runs the folder; no timing here (bench/).
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runtimeBinary } from '../../tools/function-runner/runtime'
import { createFunctionRunner } from '../../tools/function-runner/runner'
import type { DeployedFunction } from '../../tools/function-runner/deployment'

const BUILT = resolve('build/functions/intake')
const MINIMAL_ENV: Record<string, string> = { PATH: process.env.PATH ?? '', TZ: 'UTC' }
let folder: string

beforeEach(() => {
  folder = join(mkdtempSync(join(tmpdir(), 'code-cache-')), 'intake')
  cpSync(BUILT, folder, { recursive: true })
})
afterEach(() => rmSync(join(folder, '..'), { recursive: true, force: true }))

/** Loads the folder as the runtime does and calls main with an action intake does not have. */
function load(flags: string[] = []): { codeCache: string; reply: unknown } {
  const script = `const m = require(${JSON.stringify(join(folder, 'index.js'))});
    Promise.resolve(m.main({ action: 'nope' }, {})).then((reply) => process.stdout.write(JSON.stringify({ codeCache: m.codeCache, reply })))`
  const out = execFileSync(runtimeBinary('Nodejs20.19'), [...flags, '-e', script], {
    encoding: 'utf8',
    env: MINIMAL_ENV as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  return JSON.parse(out) as { codeCache: string; reply: unknown }
}

// Not configured (no key in this environment): the answer every call gets, cache or not.
const answer = { ok: false, error: expect.objectContaining({ code: 'INTERNAL', reason: 'NOT_CONFIGURED' }) }

test('the cache the build made is used', () => {
  expect(load()).toEqual({ codeCache: 'used', reply: answer })
})

test('a damaged cache is not offered to V8, and the function still answers', () => {
  const cache = readFileSync(join(folder, 'bundle.cache'))
  for (const at of [100, Math.floor(cache.length / 2), cache.length - 10]) cache[at]! ^= 0xff
  writeFileSync(join(folder, 'bundle.cache'), cache)
  expect(load()).toEqual({ codeCache: 'mismatched', reply: answer })
})

test("another bundle's cache is not offered to V8, and the function still answers", () => {
  cpSync(resolve('build/functions/account/bundle.cache'), join(folder, 'bundle.cache'))
  expect(load()).toEqual({ codeCache: 'mismatched', reply: answer })
})

test('a cache V8 refuses (other flags) leaves it compiling from source, and the function still answers', () => {
  expect(load(['--max-old-space-size=200'])).toEqual({ codeCache: 'rejected', reply: answer })
})

test('without a cache, or with an empty one, the function answers', () => {
  writeFileSync(join(folder, 'bundle.cache'), '')
  expect(load()).toEqual({ codeCache: 'mismatched', reply: answer })
  rmSync(join(folder, 'bundle.cache'))
  expect(load()).toEqual({ codeCache: 'absent', reply: answer })
})

test('the function runner runs a folder whose cache is damaged as it runs any other', async () => {
  writeFileSync(join(folder, 'bundle.cache'), Buffer.alloc(4096, 7))
  const fn: DeployedFunction = {
    name: 'intake',
    dir: folder,
    bundle: join(folder, 'index.js'),
    runtime: 'Nodejs20.19',
    timeoutMs: 10_000,
    memoryMb: 256,
    envVariables: {},
    timer: null,
    openapi: [],
  }
  const runner = createFunctionRunner({
    functions: [fn],
    envId: 'env-test',
    appId: 'wx-test',
    serviceUrl: 'http://127.0.0.1:9/admin',
    register: () => {},
    clock: () => ({ mode: 'offset', offsetMs: 0 }),
    maxInstances: 1,
    log: () => {},
  })
  try {
    const outcome = await runner.invoke('intake', { action: 'mine' }, { source: 'wx_client', openid: 'o-zhao' })
    expect(outcome).toMatchObject({ kind: 'result', result: answer })
  } finally {
    await runner.close()
  }
})
