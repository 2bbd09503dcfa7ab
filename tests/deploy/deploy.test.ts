/**
 * `npm run deploy` (deploy/cloud/) through @cloudbase/manager-node's real request code, with every
 * request captured on 127.0.0.1 (support/captured-tencent-cloud.ts) and answered by a stand-in
 * environment (support/fake-cloudbase.ts): nothing leaves the machine. What each function is sent is
 * checked against its declaration (deploy/functions.ts).
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TEMPLATE_KEYS } from '../../types/notify.contract'
import { runDeploy } from '../../deploy/cloud/deploy.runner'
import { declarationList } from '../../deploy/functions'
import { bundleConfigText } from '../../deploy/generate/bundle-config.generator'
import { captureTencentCloud, type CapturedCloud } from './support/captured-tencent-cloud'
import { bodiesOf, FakeCloudbase } from './support/fake-cloudbase'

const ENV_ID = 'fulian-test-1a2b3c'
const CREDENTIALS = { secretId: 'AKIDdeploytest0001', secretKey: 'deploy-test-secret-key' }
const VARIABLES = {
  PHONE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(Object.fromEntries(TEMPLATE_KEYS.map((key) => [key, `tmpl-${key}`]))),
}
const ENV = { TENCENTCLOUD_SECRETID: CREDENTIALS.secretId, TENCENTCLOUD_SECRETKEY: CREDENTIALS.secretKey, TCB_ENV_ID: ENV_ID, ...VARIABLES }
const declarations = declarationList()

// manager-node polls a changing function once a second (function/index.js waitFunctionActive).
jest.setTimeout(60_000)

let functionsDir: string
let cloud: FakeCloudbase
let captured: CapturedCloud
let lines: string[]

const deploy = (env: Record<string, string | undefined> = ENV) => runDeploy({ env, functionsDir, log: (line) => lines.push(line) })

beforeAll(async () => {
  // manager-node prints each upload's mode ("部署方式: ZIP base64 上传"); the test reads `lines` instead.
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  // Small stand-ins for the bundles, each with the config.json its declaration generates.
  functionsDir = mkdtempSync(join(tmpdir(), 'deploy-test-'))
  for (const declaration of declarations) {
    const dir = join(functionsDir, declaration.name)
    mkdirSync(dir)
    writeFileSync(join(dir, 'index.js'), `exports.main = async () => ({ fn: '${declaration.name}' })\n`)
    writeFileSync(join(dir, 'package.json'), '{"main":"index.js"}\n')
    writeFileSync(join(dir, 'config.json'), bundleConfigText(declaration))
  }
})

beforeEach(async () => {
  lines = []
  cloud = new FakeCloudbase(ENV_ID)
  captured = await captureTencentCloud(cloud.answer, CREDENTIALS)
})

afterEach(async () => {
  await captured.restore()
})

afterAll(() => rmSync(functionsDir, { recursive: true, force: true }))

test('a first deploy creates every function with its declared runtime, timeout, memory, variables and timer', async () => {
  await captured.restore()
  cloud = new FakeCloudbase(ENV_ID, { busyAfterChange: true })
  captured = await captureTencentCloud(cloud.answer, CREDENTIALS)
  expect(await deploy()).toBe(true)

  const created = bodiesOf(captured.requests, 'CreateFunction')
  expect(created.map((b) => b.FunctionName).sort()).toEqual(declarations.map((d) => d.name))
  for (const declaration of declarations) {
    const body = created.find((b) => b.FunctionName === declaration.name)!
    expect(body).toMatchObject({
      Namespace: ENV_ID,
      Runtime: declaration.runtime,
      Handler: 'index.main',
      Timeout: declaration.timeoutSeconds,
      MemorySize: declaration.memoryMb,
      InstallDependency: 'FALSE',
      Environment: { Variables: [
        { Key: 'PHONE_ENCRYPTION_KEY', Value: VARIABLES.PHONE_ENCRYPTION_KEY },
        { Key: 'SUBSCRIBE_TEMPLATE_IDS', Value: VARIABLES.SUBSCRIBE_TEMPLATE_IDS },
      ] },
    })
    // The bundle itself, zipped: no cloud-side npm install.
    expect(String((body.Code as { ZipFile?: string }).ZipFile).length).toBeGreaterThan(100)

    const triggers = bodiesOf(captured.requests, 'BatchCreateTrigger').filter((b) => b.FunctionName === declaration.name)
    if (declaration.timer) {
      expect(triggers).toHaveLength(1)
      expect(JSON.parse(String(triggers[0]!.Triggers))).toEqual([{ TriggerName: declaration.timer.name, Type: 'timer', TriggerDesc: declaration.timer.cron }])
    } else {
      expect(triggers).toHaveLength(0)
    }
  }
  // Every request went to the environment's API in its region, signed with the deploying key.
  expect(new Set(captured.requests.map((r) => r.region))).toEqual(new Set(['ap-shanghai']))
  expect(lines.filter((l) => l.startsWith('  ✓'))).toHaveLength(declarations.length)
  // It waited for each function to be Active before adding its timer.
  expect(captured.actionsSince(0).filter((a) => a === 'scf:GetFunction').length).toBeGreaterThan(declarations.length * 2)
})

test('a second deploy updates code and configuration and leaves unchanged timers alone', async () => {
  await deploy()
  const from = captured.requests.length
  expect(await deploy()).toBe(true)

  const actions = captured.actionsSince(from)
  expect(actions).not.toContain('scf:CreateFunction')
  expect(actions).not.toContain('scf:BatchCreateTrigger')
  expect(actions).not.toContain('scf:DeleteTrigger')
  const later = captured.requests.slice(from)
  for (const declaration of declarations) {
    expect(bodiesOf(later, 'UpdateFunctionCode').filter((b) => b.FunctionName === declaration.name)).toHaveLength(1)
    const config = bodiesOf(later, 'UpdateFunctionConfiguration').find((b) => b.FunctionName === declaration.name)
    expect(config).toMatchObject({ Timeout: declaration.timeoutSeconds, MemorySize: declaration.memoryMb, InstallDependency: 'FALSE' })
    // UpdateFunctionConfiguration does not take a runtime: it is fixed at creation.
    expect(config).not.toHaveProperty('Runtime')
    expect((config!.Environment as { Variables: { Key: string }[] }).Variables.map((v) => v.Key)).toEqual(['PHONE_ENCRYPTION_KEY', 'SUBSCRIBE_TEMPLATE_IDS'])
  }
})

test('settings drift back to the declaration: a changed timer is replaced, a stray one removed, optional variables sent when set', async () => {
  await deploy()
  cloud.functions.get('escalation')!.Triggers = [{ TriggerName: 'sweep', Type: 'timer', TriggerDesc: JSON.stringify({ cron: '0 0 * * * * *' }) }]
  cloud.functions.get('stats')!.Triggers = [{ TriggerName: 'old', Type: 'timer', TriggerDesc: JSON.stringify({ cron: '0 0 1 * * * *' }) }]
  cloud.functions.get('account')!.Timeout = 3
  const from = captured.requests.length

  expect(await deploy({ ...ENV, MINIPROGRAM_STATE: 'trial' })).toBe(true)

  const later = captured.requests.slice(from)
  expect(bodiesOf(later, 'DeleteTrigger').map((b) => `${String(b.FunctionName)}/${String(b.TriggerName)}`).sort()).toEqual(['escalation/sweep', 'stats/old'])
  expect(bodiesOf(later, 'BatchCreateTrigger').map((b) => b.FunctionName)).toEqual(['escalation'])
  expect(cloud.functions.get('escalation')!.Triggers).toEqual([{ TriggerName: 'sweep', Type: 'timer', TriggerDesc: JSON.stringify({ cron: '0 */10 * * * * *' }) }])
  expect(cloud.functions.get('account')!.Timeout).toBe(10)
  expect(cloud.functions.get('notify')!.Environment.Variables).toContainEqual({ Key: 'MINIPROGRAM_STATE', Value: 'trial' })
})

test('a function deployed on another runtime is refused, the others deploy', async () => {
  await deploy()
  cloud.functions.get('intake')!.Runtime = 'Nodejs16.13'
  const from = captured.requests.length

  expect(await deploy()).toBe(false)

  expect(bodiesOf(captured.requests.slice(from), 'UpdateFunctionCode').map((b) => b.FunctionName)).not.toContain('intake')
  expect(lines.find((l) => l.startsWith('  ✗ intake'))).toMatch(/Nodejs16\.13.*Nodejs20\.19.*delete the function/)
  expect(lines.filter((l) => l.startsWith('  ✓'))).toHaveLength(declarations.length * 2 - 1)
})

test('nothing is sent when a credential or a declared variable is missing; each is named in Chinese and English', async () => {
  const { PHONE_ENCRYPTION_KEY: _key, TCB_ENV_ID: _env, ...partial } = ENV
  expect(await deploy(partial)).toBe(false)

  expect(captured.requests).toHaveLength(0)
  expect(lines).toContainEqual(expect.stringMatching(/^缺少环境变量 TCB_ENV_ID.* \/ Missing environment variable TCB_ENV_ID/))
  expect(lines).toContainEqual(expect.stringMatching(/^缺少云函数环境变量 PHONE_ENCRYPTION_KEY（account, deliberation, .*） \/ Missing function variable PHONE_ENCRYPTION_KEY/))
})

test('a variable the functions would refuse at a cold start is refused before anything is sent', async () => {
  expect(await deploy({ ...ENV, WRITE_LIMIT_PER_MINUTE: '30/min' })).toBe(false)
  expect(captured.requests).toHaveLength(0)
  expect(lines).toContainEqual(expect.stringMatching(/^WRITE_LIMIT_PER_MINUTE：.* \/ WRITE_LIMIT_PER_MINUTE would fail/))
})

test('open-API permissions are not sent (no management API takes them): the deploy says how to apply them', async () => {
  await deploy()
  expect(JSON.stringify(captured.requests)).not.toMatch(/openapi|msgSecCheck|subscribeMessage/i)
  const notice = lines.slice(lines.findIndex((l) => l.startsWith('Open-API permissions')))
  for (const declaration of declarations.filter((d) => d.openapi.length > 0)) {
    expect(notice).toContain(`  ${declaration.name}: ${declaration.openapi.join(', ')}`)
  }
})

test('a bundle whose config.json is not its declaration is refused: the build is stale', async () => {
  writeFileSync(join(functionsDir, 'notify', 'config.json'), '{"timeout": 3}\n')
  try {
    expect(await deploy()).toBe(false)
    expect(bodiesOf(captured.requests, 'CreateFunction').map((b) => b.FunctionName)).not.toContain('notify')
    expect(lines.find((l) => l.startsWith('  ✗ notify'))).toMatch(/npm run build:functions/)
  } finally {
    writeFileSync(join(functionsDir, 'notify', 'config.json'), bundleConfigText(declarations.find((d) => d.name === 'notify')!))
  }
})
