/**
 * Where the platform has no timer triggers (cloud functions 2.0), the same jobs run through CloudBase's
 * HTTP access service: an external scheduler calls the function's path with the job secret. On the
 * production path: the built notify bundle on the function runner against the emulator, reached with
 * the HTTP access service's event shape.
 */
import { randomBytes } from 'node:crypto'
import { TEMPLATE_KEYS } from '../../types/notify.contract'
import type { CloudEmulator } from '../../tools/cloud-emulator/emulator'
import type { FunctionRunner, InvocationSource } from '../../tools/function-runner/runner'
import { deployBundleAs, type BundleDeployments } from './support/bundle-deployments'

const SECRET = randomBytes(32).toString('hex')
const SETTINGS = {
  PHONE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(Object.fromEntries(TEMPLATE_KEYS.map((key) => [key, `tmpl-${key}`]))),
}
const DEPLOYMENTS: Record<string, Record<string, string>> = {
  notify: { ...SETTINGS, JOB_TRIGGER_SECRET: SECRET },
  // The path is off unless the environment turns it on.
  'notify-no-secret': SETTINGS,
  'notify-short-secret': { ...SETTINGS, JOB_TRIGGER_SECRET: 'too-short' },
}
const SCHEDULER: InvocationSource = { source: 'http_access' }

let emulator: CloudEmulator
let runner: FunctionRunner
let deployed: BundleDeployments

beforeAll(async () => {
  deployed = await deployBundleAs('notify', DEPLOYMENTS)
  emulator = deployed.emulator
  runner = deployed.runner
})

afterAll(() => deployed?.close())

const request = (headers: Record<string, string>) => ({
  path: '/jobs/notify',
  httpMethod: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: '',
  isBase64Encoded: false,
})

async function answer(name: string, event: unknown, from: InvocationSource = SCHEDULER) {
  const outcome = await runner.invoke(name, event, from)
  if (outcome.kind !== 'result') throw new Error(`${name}: ${JSON.stringify(outcome)}`)
  const reply = outcome.result as { statusCode: number; body: string; headers: Record<string, string> }
  return { status: reply.statusCode, body: JSON.parse(reply.body) as Record<string, unknown>, headers: reply.headers }
}

test('with the job secret, the function runs its jobs and answers what they did', async () => {
  const { status, body, headers } = await answer('notify', request({ 'X-Job-Secret': SECRET }))
  expect(status).toBe(200)
  expect(headers['content-type']).toMatch(/^application\/json/)
  expect(body).toMatchObject({ deliver: expect.objectContaining({ sent: 0, failed: 0 }) })
})

test.each([
  ['no secret', 'notify', {}],
  // The last character changed (a random secret ends in 0 one time in sixteen: then it becomes 1).
  ['a wrong secret', 'notify', { 'x-job-secret': `${SECRET.slice(0, -1)}${SECRET.endsWith('0') ? '1' : '0'}` }],
  ['an environment that set no secret', 'notify-no-secret', { 'x-job-secret': SECRET }],
  ['an environment whose secret is too short to trust', 'notify-short-secret', { 'x-job-secret': 'too-short' }],
])('%s: refused, no job runs', async (_, name, headers) => {
  const before = emulator.requests().length
  const { status, body } = await answer(name, request(headers))
  expect(status).toBe(403)
  expect(body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
  expect(emulator.requests().length).toBe(before)
})

test('a client sending the same request from the mini-program needs the secret too', async () => {
  const { status } = await answer('notify', request({}), { source: 'wx_client', openid: 'o-someone' })
  expect(status).toBe(403)
})
