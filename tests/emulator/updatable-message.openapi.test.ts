/** @jest-environment node */
/**
 * The emulated updatable-message APIs (tools/cloud-emulator/openapi/updatable-message.api.ts):
 * createActivityId and setUpdatableMsg, in process for every rule, then through the real wx-server-sdk
 * (the loopback harness, a child process) with the production adapter reading what it returns.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expiryOf } from '../../cloudfunctions/_shared/adapters/wechat/updatable-message.share-cards'
import { createOpenApiService, type OpenApiService } from '../../tools/cloud-emulator/openapi/openapi.service'
import { ApiType, type CommOpenApiResp, decodeMessage, encodeMessage } from '../../tools/cloud-emulator/openapi/openapi.proto'
import { productTemplates } from '../../tools/cloud-emulator/openapi/product-templates'
import type { Scenario, StepResult } from '../../tools/cloud-emulator/openapi/sdk-loopback.harness'

const ROOT = join(__dirname, '..', '..')
const HARNESS = join(ROOT, 'tools/cloud-emulator/openapi/sdk-loopback.harness.ts')
const START = Date.parse('2026-11-28T07:01:00.000Z')
const CARD_APIS = ['updatableMessage.createActivityId', 'updatableMessage.setUpdatableMsg']
const PERMISSIONS: Record<string, string[]> = { deliberation: CARD_APIS, notify: ['subscribeMessage.send'] }
const HOUR = 3_600_000

const made: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-cards-'))
  made.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

function aService(dataDir = tempDir()) {
  const clock = { now: START }
  const service = createOpenApiService({ dataDir, now: () => clock.now, permissionsOf: (name) => PERMISSIONS[name], templates: productTemplates({}) })
  return { service, clock }
}

/** An OPEN_API call encoded as wx-server-sdk does: one pair per top-level key, the JSON of its value. */
async function call(service: OpenApiService, apiName: string, body: Record<string, unknown>, functionName = 'deliberation') {
  // The SDK sends no pair for a key without a value.
  const pairs = Object.entries(body)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, value: Buffer.from(JSON.stringify(value)) }))
  const requestData = encodeMessage('CommApiData', { apiType: ApiType.OPEN_API, openapiData: { pairs } })
  const res = await service.handle({ action: 'wx.openApi', params: { apiName, requestData }, caller: { functionName, envId: 'env-1' } })
  if (res.kind !== 'raw') throw new Error('raw expected')
  const resp = decodeMessage<CommOpenApiResp>('CommOpenApiResp', res.body)
  const json = resp.respData?.length ? (JSON.parse(Buffer.from(resp.respData).toString()) as Record<string, any>) : undefined
  return { resp, json }
}

const create = async (service: OpenApiService) => (await call(service, 'updatableMessage.createActivityId', {})).json!
const counts = (member: string, limit: string) => ({ parameter_list: [{ name: 'member_count', value: member }, { name: 'room_limit', value: limit }] })
const set = async (service: OpenApiService, activityId: unknown, targetState: unknown, template: unknown = counts('1', '6')) =>
  (await call(service, 'updatableMessage.setUpdatableMsg', { activity_id: activityId, target_state: targetState, template_info: template })).json!

describe('updatableMessage.createActivityId', () => {
  test('an id valid 24 hours of the emulated clock, expiration_time in seconds', async () => {
    const { service } = aService()
    const reply = await create(service)
    expect(reply).toMatchObject({ errcode: 0, errmsg: 'ok', activity_id: expect.stringMatching(/^\d+_\w+$/) })
    expect(reply.expiration_time).toBe(Math.floor((START + 24 * HOUR) / 1000))
    expect(expiryOf(reply.expiration_time)).toBe(new Date(START + 24 * HOUR).toISOString())
    expect((await create(service)).activity_id).not.toBe(reply.activity_id)
  })

  test('a function without the permission in its config.json is refused (-604101)', async () => {
    const { service } = aService()
    const { resp, json } = await call(service, 'updatableMessage.createActivityId', {}, 'notify')
    expect(resp.errorCode).toBe(-604101)
    expect(json).toBeUndefined()
  })
})

describe('updatableMessage.setUpdatableMsg', () => {
  test('state 0 with the counts, then 2 (已结束); the record keeps each update', async () => {
    const { service, clock } = aService()
    const { activity_id: id } = await create(service)
    expect(await set(service, id, 0, counts('1', '6'))).toMatchObject({ errcode: 0 })
    clock.now += HOUR
    expect(await set(service, id, 0, counts('2', '6'))).toMatchObject({ errcode: 0 })
    expect(await set(service, id, 2, { parameter_list: [] })).toMatchObject({ errcode: 0 })
    const [card] = service.cards()
    expect(card).toMatchObject({ activityId: id, functionName: 'deliberation', targetState: 2 })
    expect(card!.updates.map((u) => [u.targetState, u.parameters.member_count ?? null])).toEqual([
      [0, '1'],
      [0, '2'],
      [2, null],
    ])
  })

  test('WeChat refuses: no id (44002), an id it never issued or one past its 24 hours (47001)', async () => {
    const { service, clock } = aService()
    expect(await set(service, undefined, 0)).toMatchObject({ errcode: 44002 })
    expect(await set(service, '123_nope', 0)).toMatchObject({ errcode: 47001, errmsg: expect.stringContaining('invalid activity_id') })
    const { activity_id: id } = await create(service)
    clock.now += 24 * HOUR
    expect(await set(service, id, 0)).toMatchObject({ errcode: 47001, errmsg: expect.stringContaining('expired') })
  })

  test('a bad target_state or a move the guide does not allow (2 is final; 1 only ends)', async () => {
    const { service } = aService()
    const { activity_id: id } = await create(service)
    expect(await set(service, id, 3)).toMatchObject({ errcode: 47001 })
    expect(await set(service, id, 'x')).toMatchObject({ errcode: 47001 })
    expect(await set(service, id, 1, { parameter_list: [{ name: 'path', value: 'council/pages/deliberation/index?id=d1' }, { name: 'version_type', value: 'release' }] })).toMatchObject({ errcode: 0 })
    expect(await set(service, id, 0)).toMatchObject({ errcode: 47001, errmsg: expect.stringContaining('cannot move') })
    expect(await set(service, id, 2, { parameter_list: [] })).toMatchObject({ errcode: 0 })
    expect(await set(service, id, 2, { parameter_list: [] })).toMatchObject({ errcode: 47001 })
  })

  test('parameter names and values: unknown names, missing counts, a count over the limit, state 1 without path', async () => {
    const { service } = aService()
    const { activity_id: id } = await create(service)
    expect(await set(service, id, 0, { parameter_list: [{ name: 'memberCount', value: '1' }] })).toMatchObject({ errcode: 47001, errmsg: expect.stringContaining('unknown name') })
    expect(await set(service, id, 0, { parameter_list: [{ name: 'member_count', value: '1' }] })).toMatchObject({ errcode: 47001 })
    expect(await set(service, id, 0, counts('7', '6'))).toMatchObject({ errcode: 47001 })
    expect(await set(service, id, 0, { parameter_list: [{ name: 'member_count', value: 1 }, { name: 'room_limit', value: '6' }] })).toMatchObject({ errcode: 47001 })
    expect(await set(service, id, 0, null)).toMatchObject({ errcode: 47001 })
    expect(await set(service, id, 1, { parameter_list: [{ name: 'path', value: 'x' }] })).toMatchObject({ errcode: 47001 })
    expect(service.cards()[0]!.updates).toEqual([])
  })

  test('activity ids and updates survive a restart on the same data folder', async () => {
    const dataDir = tempDir()
    const first = aService(dataDir)
    const { activity_id: id } = await create(first.service)
    await set(first.service, id, 0, counts('3', '6'))
    const again = aService(dataDir)
    expect(again.service.cards()).toEqual([expect.objectContaining({ activityId: id, parameters: { member_count: '3', room_limit: '6' } })])
    expect(await set(again.service, id, 0, counts('4', '6'))).toMatchObject({ errcode: 0 })
  })
})

test('through wx-server-sdk: camelCase in, snake_case on the wire, camelCase back, as the adapter reads it', () => {
  const input: Scenario = {
    dataDir: tempDir(),
    startAt: START,
    permissions: PERMISSIONS,
    templates: productTemplates({}),
    steps: [
      /* 0 */ { sdk: 'openapi.updatableMessage.createActivityId', functionName: 'deliberation', args: {} },
      /* 1 */ {
        sdk: 'openapi.updatableMessage.setUpdatableMsg',
        functionName: 'deliberation',
        args: { activityId: '$0.activityId', targetState: 0, templateInfo: { parameterList: [{ name: 'member_count', value: '2' }, { name: 'room_limit', value: '6' }] } },
      },
      /* 2 */ { service: 'cards' },
      /* 3 */ { sdk: 'openapi.updatableMessage.createActivityId', functionName: 'notify', args: {} },
    ],
  }
  const out = spawnSync(process.execPath, ['--import', 'tsx', HARNESS], { cwd: ROOT, input: JSON.stringify(input), encoding: 'utf8', timeout: 60_000 })
  if (out.status !== 0) throw new Error(`harness failed (${out.status}): ${out.stderr}`)
  const results = JSON.parse(out.stdout) as StepResult[]
  expect(results[0]).toMatchObject({ ok: true, value: { errCode: 0, activityId: expect.any(String), expirationTime: Math.floor((START + 24 * HOUR) / 1000) } })
  expect(results[1]).toMatchObject({ ok: true, value: { errCode: 0 } })
  expect(results[2]).toMatchObject({ ok: true, value: [expect.objectContaining({ parameters: { member_count: '2', room_limit: '6' } })] })
  expect(results[3]).toMatchObject({ ok: false, errCode: -604101 })
})
