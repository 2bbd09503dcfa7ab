/**
 * Drives the real wx-server-sdk against the open-API service in one process, without HTTP: the SDK
 * builds and encodes every request itself and decodes every answer itself, so its encoder, its
 * CommOpenApiResp decoder and its errCode mapping are the ones under test. Only node-sdk's transport
 * is replaced (`tcb.init` returns a stand-in whose callCompatibleWxOpenApi / callWxOpenApi hand the
 * request to `service.handle` and shape the answer as node-sdk's request() would — see
 * node_modules/@cloudbase/node-sdk/dist/wx/index.js and utils/tcbapirequester.js handleWxOpenApiData).
 * node-sdk itself never runs, so nothing reaches the network or needs credentials.
 *
 * Run it as its own process — never inside jest, where a stray SDK call without credentials can take
 * the whole process down (README.md, end of "Deploying to CloudBase"):
 *   node --import tsx tools/cloud-emulator/openapi/sdk-loopback.harness.ts < scenario.json
 * stdin: a Scenario; stdout: one JSON array, a StepResult per step.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { TcbResponse } from '../service.types'
import { createOpenApiService } from './openapi.service'
import type { TemplateSpec } from './openapi.types'

export interface Scenario {
  dataDir: string
  /** The emulated clock's start, ms. */
  startAt: number
  /** Function name → its config.json permissions.openapi. */
  permissions: Record<string, string[]>
  templates?: Record<string, TemplateSpec>
  requireGrants?: boolean
  steps: Step[]
}

export type Step =
  /** An SDK call as a function would make it: `openapi.<path>(args)`, `getOpenData(args)`, `callOpenAPI(args)`. */
  | { sdk: string; args?: unknown; functionName: string }
  /** A method of the service (grant, issueGroupCloudId, inject, settleMediaCheck, outbox, calls, mediaChecks, credits). */
  | { service: string; args?: unknown[] }
  | { advanceMs: number }
  /** The SDK's own generated protobuf class: encode a plain object, or decode base64 bytes. */
  | { sdkProto: string; encode?: Record<string, unknown>; decode?: string }
  /** The bytes of the last request the SDK sent (base64 of its CommApiData). */
  | { lastRequest: true }

/** Step args may name an earlier step's value: the string "$3" stands for step 3's (0-based) value. */
function substitute(value: unknown, results: StepResult[]): unknown {
  // "$3" is step 3's result; "$3.activityId" a field of it.
  const ref = typeof value === 'string' ? /^\$(\d+)((?:\.\w+)*)$/.exec(value) : null
  if (ref) {
    const earlier = results[Number(ref[1])]
    if (!earlier || !earlier.ok) return value
    return (ref[2] ?? '').split('.').filter(Boolean).reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], earlier.value)
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, results))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, results)]))
  return value
}

export type StepResult = { ok: true; value: unknown } | { ok: false; errCode?: unknown; errMsg?: unknown; message?: string }

type AnyFn = (...args: unknown[]) => unknown
type Loose = Record<string, unknown>

/** What node-sdk's request() hands back for a wx.openApi answer: a Buffer, or the parsed TCB error. */
function asNodeSdkResult(res: TcbResponse): unknown {
  if (res.kind === 'json') return res.body
  if (res.contentType === 'application/json; charset=utf-8') return JSON.parse(res.body.toString())
  return res.body
}

/** Buffers as base64, so results survive JSON. */
function plain(value: unknown): unknown {
  if (value === undefined) return null
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      const b = v as { type?: string; data?: number[] } | null
      return b && b.type === 'Buffer' && Array.isArray(b.data) ? { base64: Buffer.from(b.data).toString('base64') } : v
    }),
  )
}

export async function runScenario(scenario: Scenario): Promise<StepResult[]> {
  let now = scenario.startAt
  const service = createOpenApiService({
    dataDir: scenario.dataDir,
    now: () => now,
    permissionsOf: (name) => scenario.permissions[name],
    ...(scenario.templates && { templates: scenario.templates }),
    ...(scenario.requireGrants !== undefined && { requireGrants: scenario.requireGrants }),
  })
  const envId = 'emulated-env'
  let functionName = ''
  let lastRequest: Buffer | undefined

  const standIn = {
    logger() {},
    async callCompatibleWxOpenApi(options: { apiName: string; requestData: Buffer; cgiName?: string }) {
      lastRequest = Buffer.from(options.requestData)
      const params: Loose = { apiName: options.apiName, requestData: lastRequest, ...(options.cgiName && { cgiName: options.cgiName }) }
      return asNodeSdkResult(await service.handle({ action: 'wx.openApi', params, caller: { functionName, envId } }))
    },
    async callWxOpenApi(options: { apiName: string; requestData?: unknown; cgiName?: string }) {
      const params: Loose = { apiName: options.apiName, requestData: options.requestData ? JSON.stringify(options.requestData) : '' }
      const res = await service.handle({ action: 'wx.api', params, caller: { functionName, envId } })
      const body = (res.kind === 'json' ? res.body : JSON.parse(res.body.toString())) as { code?: string; data?: { responseData?: string }; requestId?: string }
      if (body.code) return body
      let result: unknown = body.data?.responseData
      try {
        result = JSON.parse(String(result))
      } catch {
        // node-sdk keeps a non-JSON responseData as the string.
      }
      return { result, requestId: body.requestId }
    },
  }

  // Replace node-sdk's init before wx-server-sdk first calls it (its provider looks `init` up per call).
  const tcb = require('@cloudbase/node-sdk') as Loose
  tcb.init = () => standIn
  const cloud = require('wx-server-sdk') as Loose & { init: AnyFn; openapi: Loose }
  cloud.init({ env: envId })
  const sdkRoot = (require('protobufjs/minimal') as { roots: Record<string, Loose> }).roots.default ?? {}

  const results: StepResult[] = []
  for (const original of scenario.steps) {
    const step = substitute(original, results) as Step
    try {
      if ('advanceMs' in step) {
        now += step.advanceMs
        results.push({ ok: true, value: now })
      } else if ('service' in step) {
        const method = (service as unknown as Record<string, AnyFn>)[step.service]
        if (!method) throw new Error(`no service method ${step.service}`)
        results.push({ ok: true, value: plain(await method(...(step.args ?? []))) })
      } else if ('sdk' in step) {
        functionName = step.functionName
        const target = step.sdk.startsWith('openapi.')
          ? step.sdk.slice('openapi.'.length).split('.').reduce<unknown>((o, k) => (o as Loose)[k], cloud.openapi)
          : cloud[step.sdk]
        results.push({ ok: true, value: plain(await (target as AnyFn)(step.args)) })
      } else if ('sdkProto' in step) {
        const type = sdkRoot[step.sdkProto] as { encode: AnyFn; decode: AnyFn; toObject: AnyFn; fromObject: AnyFn } | undefined
        if (!type) throw new Error(`wx-server-sdk has no message ${step.sdkProto}`)
        if (step.encode) {
          const writer = type.encode(type.fromObject(step.encode)) as { finish(): Uint8Array }
          results.push({ ok: true, value: Buffer.from(writer.finish()).toString('base64') })
        } else {
          const message = type.decode(Buffer.from(step.decode ?? '', 'base64'))
          results.push({ ok: true, value: plain(type.toObject(message, { enums: Number, longs: Number })) })
        }
      } else {
        results.push({ ok: true, value: lastRequest?.toString('base64') ?? null })
      }
    } catch (error) {
      const e = error as { errCode?: unknown; errMsg?: unknown; message?: string }
      results.push({ ok: false, errCode: e.errCode, errMsg: e.errMsg, message: e.message ?? String(error) })
    }
  }
  return results
}

// Run as a script (not when imported for its types or runScenario).
if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const scenario = JSON.parse(readFileSync(0, 'utf8')) as Scenario
  runScenario(scenario).then(
    (results) => {
      process.stdout.write(JSON.stringify(results))
      // wx-server-sdk may leave timers behind; the answer is out.
      process.exit(0)
    },
    (error: unknown) => {
      process.stderr.write(String((error as Error).stack ?? error))
      process.exit(1)
    },
  )
}
