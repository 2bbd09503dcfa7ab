/**
 * The two wires open-API calls arrive on, read and answered as @cloudbase/node-sdk and wx-server-sdk
 * expect (node_modules/@cloudbase/node-sdk/dist/wx/index.js, utils/tcbapirequester.js;
 * node_modules/wx-server-sdk/index.js, callWXOpenAPI.ts):
 *  - `wx.openApi` (callCompatibleWxOpenApi): multipart `apiName`, `requestData` (a CommApiData
 *    buffer), `cgiName`; answered with a CommOpenApiResp buffer, or with TCB's JSON error under
 *    `application/json; charset=utf-8`, the one content type node-sdk parses instead of passing on.
 *  - `wx.api` (callWxOpenApi, the SDK's deprecated cloud.callOpenAPI): JSON `apiName`, `requestData`
 *    (a JSON string); answered `{ data: { responseData: <JSON string> }, requestId }` or `{ code, message }`.
 */
import { randomUUID } from 'node:crypto'
import type { TcbResponse } from '../service.types'
import type { WxJson } from './open-api.handler'
import { type CommApiData, decodeMessage, encodeMessage, type KeyValuePair } from './openapi.proto'

/** A request the wire cannot carry: answered as TCB's INVALID_PARAM. */
export class WireError extends Error {}

export function readOpenApiRequest(params: Record<string, unknown>): { apiName: string; comm: CommApiData } {
  const { apiName, requestData } = params
  if (typeof apiName !== 'string' || apiName === '') throw new WireError('apiName is required')
  if (!(requestData instanceof Uint8Array)) throw new WireError('requestData must be a file field (a CommApiData buffer)')
  try {
    return { apiName, comm: decodeMessage<CommApiData>('CommApiData', requestData) }
  } catch (error) {
    throw new WireError(`requestData is not a CommApiData message: ${(error as Error).message}`)
  }
}

/**
 * The JSON body an OPEN_API call stands for: wx-server-sdk sends one pair per top-level key with the
 * JSON of its value (generic.ts); a media value is raw bytes instead and is kept as a Buffer.
 */
export function pairsToBody(pairs: KeyValuePair[] = []): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const pair of pairs) {
    if (!pair.key) continue
    const raw = Buffer.from(pair.value ?? new Uint8Array())
    try {
      body[pair.key] = JSON.parse(raw.toString('utf8'))
    } catch {
      body[pair.key] = raw
    }
  }
  return body
}

export function readWxApiRequest(params: Record<string, unknown>): { apiName: string; body: Record<string, unknown> } {
  const { apiName, requestData } = params
  if (typeof apiName !== 'string' || apiName === '') throw new WireError('apiName is required')
  if (requestData === undefined || requestData === '') return { apiName, body: {} }
  if (typeof requestData !== 'string') throw new WireError('requestData must be a JSON string')
  try {
    const body: unknown = JSON.parse(requestData)
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object')
    return { apiName, body: body as Record<string, unknown> }
  } catch (error) {
    throw new WireError(`requestData is not a JSON object: ${(error as Error).message}`)
  }
}

function protobufReply(resp: object): TcbResponse {
  return { kind: 'raw', contentType: 'application/octet-stream', body: encodeMessage('CommOpenApiResp', resp) }
}

/** WeChat answered (an errcode inside the JSON, 0 or not): what api.weixin.qq.com sends, wrapped. */
export function wxJsonReply(json: WxJson): TcbResponse {
  return protobufReply({
    respData: Buffer.from(JSON.stringify(json)),
    contentType: 'application/json; encoding=utf-8',
    errorCode: 0,
    httpCode: 200,
  })
}

/** The WeChat back end refused the call itself (no permission, timeout, unknown API…). */
export function backendErrorReply(errorCode: number): TcbResponse {
  return protobufReply({ errorCode, httpCode: 200 })
}

export function svrkitReply(respData: Buffer): TcbResponse {
  return protobufReply({ respData, svrkitErrorCode: 0, errorCode: 0, httpCode: 200 })
}

export function svrkitErrorReply(svrkitErrorCode: number): TcbResponse {
  return protobufReply({ svrkitErrorCode, errorCode: 0, httpCode: 200 })
}

/** A TCB-level error on the wx.openApi wire: JSON under the content type node-sdk parses. */
export function tcbErrorReply(code: string, message: string): TcbResponse {
  const body = Buffer.from(JSON.stringify({ code, message, requestId: randomUUID() }))
  return { kind: 'raw', contentType: 'application/json; charset=utf-8', body }
}

export function wxApiReply(json: WxJson): TcbResponse {
  return { kind: 'json', body: { data: { responseData: JSON.stringify(json) }, requestId: randomUUID() } }
}

export function wxApiTcbError(code: string, message: string): TcbResponse {
  return { kind: 'json', body: { code, message, requestId: randomUUID() } }
}
