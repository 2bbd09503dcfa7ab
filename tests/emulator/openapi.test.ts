/** @jest-environment node */
/**
 * The emulated WeChat open APIs (tools/cloud-emulator/openapi). Two halves:
 *  - in process: requests encoded with the emulator's own protobuf definitions, straight into
 *    `handle`, for every rule and error code;
 *  - through the real wx-server-sdk, in a child process (tools/cloud-emulator/openapi/sdk-loopback.harness.ts):
 *    its generated protobuf classes against ours byte for byte, its own encoder building the requests,
 *    its own decoder and errCode mapping reading the answers, and the production adapters fed what it
 *    returns. The SDK never runs in the jest process (without credentials it can take the process
 *    down: README.md, end of "Deploying to CloudBase").
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { msgSecCheckGuard } from '../../cloudfunctions/_shared/adapters/wechat/msg-sec-check.guard'
import { openDataGroupResolver } from '../../cloudfunctions/_shared/adapters/wechat/open-data.group-resolver'
import { subscribeMessenger } from '../../cloudfunctions/_shared/adapters/wechat/subscribe.messenger'
import type { OutgoingMessage } from '../../cloudfunctions/_shared/ports/messenger.port'
import { createOpenApiService, type OpenApiService } from '../../tools/cloud-emulator/openapi/openapi.service'
import { ApiType, type CommOpenApiResp, decodeMessage, encodeMessage, type MessageName, type OpDataItem } from '../../tools/cloud-emulator/openapi/openapi.proto'
import type { OpenApiServiceOptions } from '../../tools/cloud-emulator/openapi/openapi.types'
import { productTemplates } from '../../tools/cloud-emulator/openapi/product-templates'
import type { Scenario, Step, StepResult } from '../../tools/cloud-emulator/openapi/sdk-loopback.harness'
import { fieldViolation } from '../../tools/cloud-emulator/openapi/template-field.rules'

const ROOT = join(__dirname, '..', '..')
const HARNESS = join(ROOT, 'tools/cloud-emulator/openapi/sdk-loopback.harness.ts')
const START = Date.parse('2026-11-28T07:01:00.000Z')
const TEMPLATE = 'local-case_progress'
const RESIDENT = 'o-resident-1'
const PERMISSIONS: Record<string, string[]> = {
  notify: ['subscribeMessage.send'],
  intake: ['security.msgSecCheck', 'security.mediaCheckAsync'],
  deliberation: [],
}

const made: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-emulator-'))
  made.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

function aService(overrides: Partial<OpenApiServiceOptions> = {}) {
  const clock = { now: START }
  const service = createOpenApiService({
    dataDir: tempDir(),
    now: () => clock.now,
    permissionsOf: (name) => PERMISSIONS[name],
    templates: productTemplates({}),
    ...overrides,
  })
  return { service, clock }
}

/** A subscribeMessage.send body as it reaches WeChat (snake_case), valid for case_progress. */
function aSend(overrides: Record<string, unknown> = {}, data: Record<string, string> = {}): Record<string, unknown> {
  const values = { thing1: '广场舞噪音扰民', phrase2: '已受理', thing3: '蒲河村（村/社区）', time4: '2026年11月28日 15:01', ...data }
  return {
    touser: RESIDENT,
    template_id: TEMPLATE,
    page: 'pages/case/index?id=c1',
    data: Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value }])),
    miniprogram_state: 'formal',
    ...overrides,
  }
}

/** An OPEN_API call encoded as wx-server-sdk does (generic.ts: one pair per key, the JSON of its value). */
async function callOpenApi(service: OpenApiService, functionName: string, apiName: string, body: Record<string, unknown>) {
  const pairs = Object.entries(body).map(([key, value]) => ({ key, value: Buffer.from(JSON.stringify(value)) }))
  const requestData = encodeMessage('CommApiData', { apiType: ApiType.OPEN_API, openapiData: { pairs } })
  const res = await service.handle({ action: 'wx.openApi', params: { apiName, requestData }, caller: { functionName, envId: 'env-1' } })
  if (res.kind !== 'raw') throw new Error('wx.openApi must answer raw bytes')
  if (res.contentType === 'application/json; charset=utf-8') return { tcb: JSON.parse(res.body.toString()) as { code: string } }
  expect(res.contentType).toBe('application/octet-stream')
  const resp = decodeMessage<CommOpenApiResp>('CommOpenApiResp', res.body)
  const json = resp.respData?.length ? (JSON.parse(Buffer.from(resp.respData).toString()) as Record<string, unknown>) : undefined
  return { resp, json }
}

/** cloud.getOpenData's svrkit call, encoded as getOpenData.ts does. */
async function getOpenData(service: OpenApiService, cloudIDs: string[]) {
  const reqData = encodeMessage('ApiGetOpenDataByCloudIdReq', { cloudidList: cloudIDs })
  const requestData = encodeMessage('CommApiData', { apiType: ApiType.SVRKIT_API, svrkitData: { apiName: 'ApiGetOpenDataByCloudId', reqData } })
  const res = await service.handle({
    action: 'wx.openApi',
    params: { apiName: 'ApiGetOpenDataByCloudId', requestData },
    caller: { functionName: 'deliberation', envId: 'env-1' },
  })
  if (res.kind !== 'raw') throw new Error('raw expected')
  const resp = decodeMessage<CommOpenApiResp>('CommOpenApiResp', res.body)
  const items = decodeMessage<{ dataList?: OpDataItem[] }>('ApiGetOpenDataByCloudIdResp', resp.respData ?? new Uint8Array()).dataList ?? []
  return { resp, list: items.map((item) => JSON.parse(item.json ?? 'null') as Record<string, unknown>) }
}

function runThroughSdk(scenario: Omit<Scenario, 'dataDir' | 'startAt' | 'permissions'> & Partial<Scenario>): StepResult[] {
  const input: Scenario = { dataDir: tempDir(), startAt: START, permissions: PERMISSIONS, templates: productTemplates({}), ...scenario }
  const out = spawnSync(process.execPath, ['--import', 'tsx', HARNESS], { cwd: ROOT, input: JSON.stringify(input), encoding: 'utf8', timeout: 60_000 })
  if (out.status !== 0) throw new Error(`harness failed (${out.status}): ${out.stderr}`)
  return JSON.parse(out.stdout) as StepResult[]
}

const valueOf = (r: StepResult | undefined) => {
  if (!r?.ok) throw new Error(`step failed: ${JSON.stringify(r)}`)
  return r.value
}
const b64 = (s: string) => Buffer.from(s).toString('base64')

describe('subscribeMessage.send', () => {
  it('delivers a valid message on a grant, spending it, and lists it in the outbox like LocalMessenger', async () => {
    const { service } = aService()
    service.grant(RESIDENT, TEMPLATE)
    const { resp, json } = await callOpenApi(service, 'notify', 'subscribeMessage.send', aSend())
    expect(resp?.errorCode ?? 0).toBe(0)
    expect(resp?.contentType).toMatch(/application\/json/)
    expect(json).toEqual({ errcode: 0, errmsg: 'ok' })
    expect(service.credits(RESIDENT, TEMPLATE)).toBe(0)
    expect(service.outbox(RESIDENT)).toEqual([
      expect.objectContaining({
        openid: RESIDENT,
        templateId: TEMPLATE,
        page: '/pages/case/index?id=c1',
        data: expect.objectContaining({ thing1: '广场舞噪音扰民', phrase2: '已受理' }),
        functionName: 'notify',
        at: '2026-11-28T07:01:00.000Z',
        sentAt: '2026-11-28T07:01:00.000Z',
      }),
    ])
    expect(service.outbox('someone-else')).toEqual([])
  })

  it('answers 43101 without a grant, and a second send after one grant', async () => {
    const { service } = aService()
    expect((await callOpenApi(service, 'notify', 'subscribeMessage.send', aSend())).json?.errcode).toBe(43101)
    service.grant(RESIDENT, TEMPLATE)
    expect((await callOpenApi(service, 'notify', 'subscribeMessage.send', aSend())).json?.errcode).toBe(0)
    const again = await callOpenApi(service, 'notify', 'subscribeMessage.send', aSend())
    expect(again.json).toMatchObject({ errcode: 43101, errmsg: expect.stringMatching(/^user refuse to accept the msg/) })
    expect(service.outbox()).toHaveLength(1)
  })

  it('sends without grants when requireGrants is off', async () => {
    const { service } = aService({ requireGrants: false })
    expect((await callOpenApi(service, 'notify', 'subscribeMessage.send', aSend())).json?.errcode).toBe(0)
  })

  it('answers 47003 naming the field for a thing over 20 characters, and keeps the grant', async () => {
    const { service } = aService()
    service.grant(RESIDENT, TEMPLATE)
    const { json } = await callOpenApi(service, 'notify', 'subscribeMessage.send', aSend({}, { thing1: '一'.repeat(21) }))
    expect(json?.errcode).toBe(47003)
    expect(json?.errmsg).toMatch(/^argument invalid! hint: \[thing: at most 20 characters, got 21\] data\.thing1\.value invalid rid: /)
    expect(service.credits(RESIDENT, TEMPLATE)).toBe(1)
    expect(service.outbox()).toEqual([])
  })

  it.each([
    ['a phrase with a digit', aSend({}, { phrase2: '已受理1' })],
    ['a time in the wrong form', aSend({}, { time4: '2026-11-28T15:01' })],
    ['a missing field', { ...aSend(), data: { thing1: { value: 'x' } } }],
    ['a field the template lacks', aSend({}, { thing9: 'x' })],
    ['an unknown miniprogram_state', aSend({ miniprogram_state: 'beta' })],
  ])('answers 47003 for %s', async (_what, body) => {
    const { service } = aService({ requireGrants: false })
    expect((await callOpenApi(service, 'notify', 'subscribeMessage.send', body)).json?.errcode).toBe(47003)
  })

  it('answers 40037 for an unknown template and 40003 without touser', async () => {
    const { service } = aService({ requireGrants: false })
    expect((await callOpenApi(service, 'notify', 'subscribeMessage.send', aSend({ template_id: 'nope' }))).json?.errcode).toBe(40037)
    expect((await callOpenApi(service, 'notify', 'subscribeMessage.send', aSend({ touser: '' }))).json?.errcode).toBe(40003)
  })

  it('answers 41030 for a page with a leading slash, or one missing from app.json when pages are given', async () => {
    const { service } = aService({ requireGrants: false, pages: ['pages/case/index'] })
    expect((await callOpenApi(service, 'notify', 'subscribeMessage.send', aSend({ page: '/pages/case/index?id=1' }))).json?.errcode).toBe(41030)
    expect((await callOpenApi(service, 'notify', 'subscribeMessage.send', aSend({ page: 'pages/nowhere/index' }))).json?.errcode).toBe(41030)
    expect((await callOpenApi(service, 'notify', 'subscribeMessage.send', aSend({ page: 'pages/case/index?id=1' }))).json?.errcode).toBe(0)
  })

  it('keeps the outbox and the grants across a new service instance on the same dataDir', async () => {
    const dataDir = tempDir()
    const first = aService({ dataDir }).service
    first.grant(RESIDENT, TEMPLATE)
    first.grant(RESIDENT, TEMPLATE)
    await callOpenApi(first, 'notify', 'subscribeMessage.send', aSend())
    const second = aService({ dataDir }).service
    expect(second.outbox(RESIDENT)).toEqual(first.outbox(RESIDENT))
    expect(second.outbox(RESIDENT)).toHaveLength(1)
    expect(second.credits(RESIDENT, TEMPLATE)).toBe(1)
  })
})

describe('permissions and injected failures', () => {
  it('refuses with errorCode -604101 when the function config.json does not list the API', async () => {
    const { service } = aService()
    const { resp, json } = await callOpenApi(service, 'deliberation', 'subscribeMessage.send', aSend())
    expect(resp?.errorCode).toBe(-604101)
    expect(json).toBeUndefined()
    // An unknown function has no permissions at all.
    expect((await callOpenApi(service, 'ghost', 'security.msgSecCheck', {})).resp?.errorCode).toBe(-604101)
    expect(service.calls()).toEqual([
      { api: 'subscribeMessage.send', functionName: 'deliberation', at: '2026-11-28T07:01:00.000Z', errCode: -604101 },
      { api: 'security.msgSecCheck', functionName: 'ghost', at: '2026-11-28T07:01:00.000Z', errCode: -604101 },
    ])
  })

  it('takes the permissions the front passes on the caller over permissionsOf', async () => {
    const { service } = aService({ requireGrants: false })
    const requestData = encodeMessage('CommApiData', {
      apiType: ApiType.OPEN_API,
      openapiData: { pairs: Object.entries(aSend()).map(([key, v]) => ({ key, value: Buffer.from(JSON.stringify(v)) })) },
    })
    const send = (openapi: string[]) =>
      service.handle({ action: 'wx.openApi', params: { apiName: 'subscribeMessage.send', requestData }, caller: { functionName: 'notify', envId: 'e', openapi } })
    const refused = await send([])
    const allowed = await send(['subscribeMessage.send'])
    expect(decodeMessage<CommOpenApiResp>('CommOpenApiResp', (refused as { body: Buffer }).body).errorCode).toBe(-604101)
    expect(decodeMessage<CommOpenApiResp>('CommOpenApiResp', (allowed as { body: Buffer }).body).errorCode ?? 0).toBe(0)
  })

  it('answers an injected 45009 for the next call only', async () => {
    const { service } = aService()
    service.inject('security.msgSecCheck', { errCode: 45009 })
    const check = { openid: RESIDENT, scene: 2, version: 2, content: '路灯坏了' }
    expect((await callOpenApi(service, 'intake', 'security.msgSecCheck', check)).json?.errcode).toBe(45009)
    expect((await callOpenApi(service, 'intake', 'security.msgSecCheck', check)).json?.errcode).toBe(0)
    expect(service.calls().map((c) => c.errCode)).toEqual([45009, 0])
  })

  it('answers a TCB-level code as TCB JSON, and a back-end code in errorCode', async () => {
    const { service } = aService()
    service.inject('*', { errCode: -501001 })
    service.inject('security.msgSecCheck', { errCode: -601001 })
    expect((await callOpenApi(service, 'intake', 'security.msgSecCheck', {})).tcb).toMatchObject({ code: 'SYS_ERR' })
    expect((await callOpenApi(service, 'intake', 'security.msgSecCheck', {})).resp?.errorCode).toBe(-601001)
  })

  it('waits out an injected timeout, then answers -604102', async () => {
    const { service } = aService()
    service.inject('security.msgSecCheck', { timeoutMs: 200 })
    const started = Date.now()
    const { resp } = await callOpenApi(service, 'intake', 'security.msgSecCheck', {})
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expect(resp?.errorCode).toBe(-604102)
  })

  it('counts an injected failure for getOpenData under its SDK name; a svrkit errcode surfaces as -601001', async () => {
    const { service } = aService()
    service.inject('getOpenData', { errCode: 45009 })
    expect((await getOpenData(service, ['x'])).resp.svrkitErrorCode).toBe(45009)
    expect((await getOpenData(service, ['x'])).resp.svrkitErrorCode ?? 0).toBe(0)
    expect(service.calls().map((c) => c.errCode)).toEqual([-601001, 0])
  })

  it('serves wx.api (cloud.callOpenAPI) with the same rules, WeChat JSON in responseData', async () => {
    const { service } = aService()
    const call = async (functionName: string, requestData: Record<string, unknown>) => {
      const res = await service.handle({
        action: 'wx.api',
        params: { apiName: 'security.msgSecCheck', requestData: JSON.stringify(requestData) },
        caller: { functionName, envId: 'env-1' },
      })
      if (res.kind !== 'json') throw new Error('wx.api answers JSON')
      return JSON.parse((res.body as { data: { responseData: string } }).data.responseData) as Record<string, unknown>
    }
    expect(await call('notify', { openid: RESIDENT, scene: 2, version: 2, content: 'x' })).toMatchObject({ errcode: -604101 })
    expect(await call('intake', { openid: RESIDENT, scene: 2, version: 2, content: '楼下有人聚众赌博' })).toMatchObject({ errcode: 0, result: { suggest: 'risky' } })
  })

  it('answers TCB INVALID_PARAM for a request the wire cannot carry', async () => {
    const { service } = aService()
    const res = await service.handle({ action: 'wx.openApi', params: { apiName: 'x', requestData: 'not a buffer' }, caller: { functionName: 'notify', envId: 'e' } })
    expect(res).toMatchObject({ kind: 'raw', contentType: 'application/json; charset=utf-8' })
    expect(JSON.parse((res as { body: Buffer }).body.toString())).toMatchObject({ code: 'INVALID_PARAM' })
  })
})

describe('security.msgSecCheck (v2)', () => {
  const check = (content: string, extra: Record<string, unknown> = {}) => ({ openid: RESIDENT, scene: 2, version: 2, content, ...extra })

  it.each([
    ['路灯坏了三天了', 'pass', 100],
    ['有事加微信详谈', 'review', 10001],
    ['楼下有人聚众赌博', 'risky', 20006],
  ])('judges %s as %s', async (content, suggest, label) => {
    const { service } = aService()
    const { json } = await callOpenApi(service, 'intake', 'security.msgSecCheck', check(content))
    expect(json).toMatchObject({ errcode: 0, result: { suggest, label }, trace_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/) })
    expect(json?.detail).toEqual(expect.arrayContaining([expect.objectContaining({ strategy: 'content_model', suggest })]))
  })

  it('answers 45009 past 4000 calls in a minute of the emulated clock, and again after it', async () => {
    const { service, clock } = aService()
    const body = check('路灯坏了')
    for (let i = 0; i < 4000; i++) await callOpenApi(service, 'intake', 'security.msgSecCheck', body)
    expect((await callOpenApi(service, 'intake', 'security.msgSecCheck', body)).json?.errcode).toBe(45009)
    clock.now += 60_000
    expect((await callOpenApi(service, 'intake', 'security.msgSecCheck', body)).json?.errcode).toBe(0)
    const unlimited = aService({ quotas: false }).service
    for (let i = 0; i < 4001; i++) await callOpenApi(unlimited, 'intake', 'security.msgSecCheck', body)
    expect(unlimited.calls().every((c) => c.errCode === 0)).toBe(true)
  })

  it('refuses content over 2500 characters, a bad scene, another version, and no openid', async () => {
    const { service } = aService()
    const call = (body: Record<string, unknown>) => callOpenApi(service, 'intake', 'security.msgSecCheck', body).then((r) => r.json?.errcode)
    expect(await call(check('字'.repeat(2500)))).toBe(0)
    expect(await call(check('字'.repeat(2501)))).toBe(47001)
    expect(await call(check('x', { scene: 5 }))).toBe(40129)
    expect(await call(check('x', { version: 1 }))).toBe(47001)
    expect(await call(check('x', { openid: '' }))).toBe(40003)
  })
})

describe('getOpenData (cloudID → openGId)', () => {
  it('resolves a cloudID for 5 minutes of the emulated clock, then answers the item as expired', async () => {
    const { service, clock } = aService()
    const cloudID = service.issueGroupCloudId('G-group-1', RESIDENT)
    const fresh = await getOpenData(service, [cloudID])
    expect(fresh.resp.svrkitErrorCode ?? 0).toBe(0)
    expect(fresh.list).toEqual([{ cloudID, data: { openGId: 'G-group-1', watermark: { appid: expect.any(String), timestamp: START / 1000 } } }])
    clock.now += 5 * 60_000 - 1
    expect((await getOpenData(service, [cloudID])).list[0]).toHaveProperty('data.openGId', 'G-group-1')
    clock.now += 1
    expect((await getOpenData(service, [cloudID])).list).toEqual([{ cloudID, errCode: -601006, errMsg: 'cloudID expired.' }])
  })

  it('answers an unknown cloudID as invalid (-601005), item by item', async () => {
    const { service } = aService()
    const good = service.issueGroupCloudId('G2', RESIDENT)
    const { list } = await getOpenData(service, ['forged', good])
    expect(list[0]).toEqual({ cloudID: 'forged', errCode: -601005, errMsg: 'invalid cloudID.' })
    expect(list[1]).toHaveProperty('data.openGId', 'G2')
  })

  it('needs no config.json permission', async () => {
    const { service } = aService()
    await getOpenData(service, ['x'])
    expect(service.calls()).toEqual([expect.objectContaining({ api: 'ApiGetOpenDataByCloudId', functionName: 'deliberation', errCode: 0 })])
  })
})

describe('security.mediaCheckAsync', () => {
  const media = { media_url: 'https://example.com/p.png', media_type: 2, version: 2, scene: 2, openid: RESIDENT }

  it('answers a trace_id, keeps the check pending until settled, then yields the wxa_media_check push', async () => {
    const dataDir = tempDir()
    const { service, clock } = aService({ dataDir })
    const { json } = await callOpenApi(service, 'intake', 'security.mediaCheckAsync', media)
    const traceId = json?.trace_id as string
    expect(json).toMatchObject({ errcode: 0, errmsg: 'ok', trace_id: expect.any(String) })
    expect(service.mediaChecks()).toEqual([expect.objectContaining({ traceId, status: 'pending', mediaType: 2, functionName: 'intake' })])
    // A restart keeps the pending check.
    const restarted = aService({ dataDir }).service
    clock.now += 60_000
    expect(restarted.mediaChecks()).toEqual(service.mediaChecks())
    const push = service.settleMediaCheck(traceId, 'risky')
    expect(push).toEqual({
      ToUserName: expect.any(String),
      FromUserName: RESIDENT,
      CreateTime: (START + 60_000) / 1000,
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: expect.any(String),
      trace_id: traceId,
      version: 2,
      result: { suggest: 'risky', label: '20002' },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: 'risky', label: '20002', prob: 90 }],
    })
    expect(service.mediaChecks()[0]).toMatchObject({ status: 'settled', verdict: 'risky' })
    expect(() => service.settleMediaCheck(traceId, 'pass')).toThrow(/already settled/)
    expect(() => service.settleMediaCheck('nope', 'pass')).toThrow(/no media check/)
  })

  it('refuses a media_url WeChat could not download and a bad media_type', async () => {
    const { service } = aService()
    const call = (body: Record<string, unknown>) => callOpenApi(service, 'intake', 'security.mediaCheckAsync', body).then((r) => r.json?.errcode)
    expect(await call({ ...media, media_url: 'cloud://env-1.xxx/p.png' })).toBe(47001)
    expect(await call({ ...media, media_type: 3 })).toBe(47001)
    expect(service.mediaChecks()).toEqual([])
  })
})

describe('field rules', () => {
  it.each([
    ['thing', '一'.repeat(20), true],
    ['thing', '一'.repeat(21), false],
    ['phrase', '已受理', true],
    ['phrase', '已受理ok', false],
    ['phrase', '一二三四五六', false],
    ['character_string', 'A-123_x.y', true],
    ['character_string', '编号1', false],
    ['number', '3.14', true],
    ['number', '-1', false],
    ['letter', 'abc', true],
    ['name', '李四', true],
    ['name', '一二三四五六七八九十一', false],
    ['phone_number', '+86-0766-66888866', true],
    ['phone_number', '1'.repeat(18), false],
    ['time', '2026年11月28日 15:01', true],
    ['time', '15:01', true],
    ['time', '2026年11月28日 15:01~2026年11月28日 16:00', true],
    ['time', '25:01', false],
    ['date', '2019年10月1日', true],
    ['amount', '¥12.50', true],
    ['car_number', '粤A8Z888挂', true],
    ['symbol', '%', true],
  ] as const)('%s %s → %s', (type, value, ok) => {
    expect(fieldViolation(type, value) === null).toBe(ok)
  })
})

describe('through wx-server-sdk (child process)', () => {
  it('our messages encode and decode byte for byte as the SDK generated classes do', () => {
    const samples: [MessageName, Record<string, unknown>][] = [
      ['CommApiData', { apiType: 0, openapiData: { pairs: [{ key: 'touser', value: b64('"o1"') }, { key: 'data', value: b64('{"thing1":{"value":"甲"}}') }] }, appid: 'wx1' }],
      ['CommApiData', { apiType: 2, svrkitData: { apiName: 'ApiGetOpenDataByCloudId', reqData: b64('\u0012\u0001x') } }],
      ['CommApiData', { apiType: 1, innerData: { modid: 7, cmdid: 9, url: '/u', useHttps: true, method: 2, headers: ['a: 1', 'b: 2'], body: b64('{}') }, tokenData: { resourceAppid: 'wx2', resourceEnv: 'env-2' } }],
      ['CommOpenApiResp', { respData: b64('{"errcode":0}'), contentType: 'application/json', errorCode: -604101, httpCode: 200, headers: [{ key: 'k', value: 'v' }], svrkitErrorCode: -3 }],
      ['KeyValuePair', { key: 'img', value: b64('\u0000\u0001'), contenttype: 'image/png', filename: 'img.png' }],
      ['ApiGetOpenDataByCloudIdReq', { cloudidList: ['a', 'b'], appid: 'wx3' }],
      ['ApiGetOpenDataByCloudIdResp', { dataList: [{ cloudId: 'a', json: '{"cloudID":"a"}' }, { cloudId: 'b', json: '{}' }] }],
      ['ApiVoipSignReq', { groupId: 'g', timestamp: 1764547200, nonce: 'n' }],
      ['GetCloudCallSignReq', { parameterList: ['p1', 'p2'] }],
      ['GetCloudCallSignResp', { signature: 's' }],
    ]
    const ours = samples.map(([name, value]) => encodeMessage(name, value).toString('base64'))
    const steps: Step[] = [
      ...samples.map(([name, value]): Step => ({ sdkProto: name, encode: value })),
      ...samples.map(([name], i): Step => ({ sdkProto: name, decode: ours[i] ?? '' })),
    ]
    const results = runThroughSdk({ steps })
    const sdkBytes = results.slice(0, samples.length).map(valueOf)
    expect(sdkBytes).toEqual(ours)
    // The SDK reads our bytes back to the same values (bytes as base64 once both sides say so).
    results.slice(samples.length).forEach((r, i) => {
      const [name, value] = samples[i] ?? ['CommApiData', {}]
      const decoded = decodeMessage<Record<string, unknown>>(name, Buffer.from(ours[i] ?? '', 'base64'))
      expect(JSON.parse(JSON.stringify(valueOf(r)))).toEqual(JSON.parse(JSON.stringify(decoded, (_k, v: unknown) => bufferToBase64(v))))
      expect(Object.keys(decoded).sort()).toEqual(Object.keys(value).sort())
    })
  })

  it('answers the SDK own requests: send, grants, 47003, -604101, msgSecCheck, getOpenData, mediaCheckAsync, injected 45009', () => {
    const send = (args: Record<string, unknown>, functionName = 'notify'): Step => ({ sdk: 'openapi.subscribeMessage.send', functionName, args })
    const sendArgs = {
      touser: RESIDENT,
      templateId: TEMPLATE,
      page: 'pages/case/index?id=c1',
      data: { thing1: { value: '广场舞噪音扰民' }, phrase2: { value: '已受理' }, thing3: { value: '蒲河村' }, time4: { value: '2026年11月28日 15:01' } },
      miniprogramState: 'formal',
    }
    const results = runThroughSdk({
      steps: [
        /* 0 */ send(sendArgs),
        /* 1 */ { service: 'grant', args: [RESIDENT, TEMPLATE] },
        /* 2 */ send({ ...sendArgs, data: { ...sendArgs.data, thing1: { value: '一'.repeat(21) } } }),
        /* 3 */ send(sendArgs),
        /* 4 */ { lastRequest: true },
        /* 5 */ send(sendArgs, 'deliberation'),
        /* 6 */ { sdk: 'openapi.security.msgSecCheck', functionName: 'intake', args: { openid: RESIDENT, scene: 2, version: 2, content: '楼下有人聚众赌博' } },
        /* 7 */ { service: 'inject', args: ['security.msgSecCheck', { errCode: 45009 }] },
        /* 8 */ { sdk: 'openapi.security.msgSecCheck', functionName: 'intake', args: { openid: RESIDENT, scene: 2, version: 2, content: 'x' } },
        /* 9 */ { service: 'issueGroupCloudId', args: ['G-group-1', RESIDENT] },
        /* 10 */ { sdk: 'getOpenData', functionName: 'deliberation', args: { list: ['$9'] } },
        /* 11 */ { advanceMs: 5 * 60_000 },
        /* 12 */ { sdk: 'getOpenData', functionName: 'deliberation', args: { list: ['$9'] } },
        /* 13 */ {
          sdk: 'openapi.security.mediaCheckAsync',
          functionName: 'intake',
          args: { mediaUrl: 'https://example.com/p.png', mediaType: 2, version: 2, scene: 2, openid: RESIDENT },
        },
        /* 14 */ { service: 'outbox', args: [RESIDENT] },
        /* 15 */ { service: 'calls' },
        /* 16 */ { sdk: 'callOpenAPI', functionName: 'intake', args: { api: 'security.msgSecCheck', data: { openid: RESIDENT, scene: 2, version: 2, content: '有事加微信详谈' } } },
      ],
    })
    expect(results[0]).toMatchObject({ ok: false, errCode: 43101 })
    expect(results[2]).toMatchObject({ ok: false, errCode: 47003, errMsg: expect.stringContaining('data.thing1.value invalid') })
    expect(results[3]).toEqual({ ok: true, value: { errMsg: 'openapi.subscribeMessage.send:ok', errCode: 0 } })
    // What the SDK put on the wire, read with our definitions: snake_case keys, one JSON pair each.
    const sent = decodeMessage<{ apiType?: number; openapiData?: { pairs?: { key?: string; value?: Buffer }[] } }>(
      'CommApiData',
      Buffer.from(valueOf(results[4]) as string, 'base64'),
    )
    expect(sent.apiType ?? 0).toBe(ApiType.OPEN_API)
    const pairs = Object.fromEntries((sent.openapiData?.pairs ?? []).map((p) => [p.key, JSON.parse(Buffer.from(p.value ?? []).toString())]))
    expect(pairs).toEqual({ touser: RESIDENT, template_id: TEMPLATE, page: 'pages/case/index?id=c1', data: sendArgs.data, miniprogram_state: 'formal' })
    expect(results[5]).toMatchObject({ ok: false, errCode: -604101, errMsg: 'system error: error code: -604101' })
    expect(results[6]).toMatchObject({ ok: true, value: { errCode: 0, result: { suggest: 'risky', label: 20006 }, traceId: expect.any(String) } })
    expect(results[8]).toMatchObject({ ok: false, errCode: 45009, errMsg: expect.stringMatching(/^openapi\.security\.msgSecCheck:fail reach max api daily quota limit/) })
    expect(results[10]).toEqual({
      ok: true,
      value: { errMsg: 'getOpenData:ok', errCode: 0, list: [{ cloudID: valueOf(results[9]), data: { openGId: 'G-group-1', watermark: expect.any(Object) } }] },
    })
    expect(results[12]).toMatchObject({ ok: true, value: { list: [{ cloudID: valueOf(results[9]), errCode: -601006 }] } })
    expect(results[13]).toMatchObject({ ok: true, value: { errCode: 0, traceId: expect.any(String) } })
    expect(valueOf(results[14])).toEqual([expect.objectContaining({ openid: RESIDENT, page: '/pages/case/index?id=c1' })])
    // The deprecated cloud.callOpenAPI goes over wx.api and hands back WeChat's JSON untouched.
    expect(results[16]).toMatchObject({ ok: true, value: { errMsg: 'callOpenAPI:ok', result: { errcode: 0, result: { suggest: 'review' }, trace_id: expect.any(String) } } })
    expect((valueOf(results[15]) as { api: string; errCode: number }[]).map((c) => [c.api, c.errCode])).toEqual([
      ['subscribeMessage.send', 43101],
      ['subscribeMessage.send', 47003],
      ['subscribeMessage.send', 0],
      ['subscribeMessage.send', -604101],
      ['security.msgSecCheck', 0],
      ['security.msgSecCheck', 45009],
      ['ApiGetOpenDataByCloudId', 0],
      ['ApiGetOpenDataByCloudId', 0],
      ['security.mediaCheckAsync', 0],
    ])
  })

  it('gives the production adapters what they expect, from what the SDK returns', async () => {
    // 1. What the adapters ask the SDK for (recorded, not sent).
    const asked: Step[] = []
    const record = (sdk: string, functionName: string, reply: unknown) => async (args: unknown) => {
      asked.push({ sdk, functionName, args })
      return reply
    }
    const message: OutgoingMessage = {
      openid: RESIDENT,
      templateId: TEMPLATE,
      page: '/pages/case/index?id=c1',
      data: { thing1: '广场舞噪音扰民', phrase2: '已受理', thing3: '蒲河村', time4: '2026年11月28日 15:01' },
      kind: 'case_accepted',
    }
    const recordingApi = {
      subscribeMessage: { send: record('openapi.subscribeMessage.send', 'notify', {}) },
      security: { msgSecCheck: record('openapi.security.msgSecCheck', 'intake', {}) },
    }
    await subscribeMessenger(recordingApi as never, 'formal').send(message)
    await subscribeMessenger(recordingApi as never, 'formal').send(message)
    await msgSecCheckGuard(recordingApi as never).check('楼下有人聚众赌博', { openid: RESIDENT })
    await openDataGroupResolver({ getOpenData: record('getOpenData', 'deliberation', {}) } as never).openGId({ cloudID: '$0' }, { openid: RESIDENT })
    await openDataGroupResolver({ getOpenData: record('getOpenData', 'deliberation', {}) } as never).openGId({ cloudID: '$0' }, { openid: RESIDENT })
    expect(asked).toHaveLength(5)

    // 2. The same calls through the real SDK (one grant: the second send is refused; the cloudID expires between the two reads).
    const results = runThroughSdk({
      steps: [
        { service: 'issueGroupCloudId', args: ['G-group-1', RESIDENT] },
        { service: 'grant', args: [RESIDENT, TEMPLATE] },
        ...asked.slice(0, 4),
        { advanceMs: 5 * 60_000 },
        ...asked.slice(4),
      ],
    })
    const sdkOutcomes = [...results.slice(2, 6), ...results.slice(7)]

    // 3. The adapters, fed the SDK's outcomes in order.
    const replay = () => {
      let i = 0
      return async () => {
        const r = sdkOutcomes[i++]
        if (!r) throw new Error('no more outcomes')
        if (r.ok) return r.value
        throw { errCode: r.errCode, errMsg: r.errMsg }
      }
    }
    const next = replay()
    const api = { subscribeMessage: { send: next }, security: { msgSecCheck: next } }
    expect(await subscribeMessenger(api as never, 'formal').send(message)).toEqual({ ok: true })
    expect(await subscribeMessenger(api as never, 'formal').send(message)).toEqual({
      ok: false,
      code: 43101,
      message: expect.stringContaining('user refuse to accept the msg'),
    })
    expect(await msgSecCheckGuard(api as never).check('楼下有人聚众赌博', { openid: RESIDENT })).toBe('risky')
    const resolver = openDataGroupResolver({ getOpenData: next } as never)
    expect(await resolver.openGId({ cloudID: 'fresh' }, { openid: RESIDENT })).toBe('G-group-1')
    expect(await resolver.openGId({ cloudID: 'expired' }, { openid: RESIDENT })).toBeNull()
  })
})

function bufferToBase64(v: unknown): unknown {
  const b = v as { type?: string; data?: number[] } | null
  return b && b.type === 'Buffer' && Array.isArray(b.data) ? { base64: Buffer.from(b.data).toString('base64') } : v
}
