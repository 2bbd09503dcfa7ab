/**
 * The protobuf messages wx-server-sdk exchanges with CloudBase's `wx.openApi` action, rebuilt with
 * protobufjs' reflection API. Transcribed from the SDK's generated static code
 * (node_modules/wx-server-sdk/index.js, module "./src/protobuf/openapi.js"): every field number and
 * wire type below is the one its `encode`/`decode` functions use. The SDK registers its own classes
 * on protobufjs' shared `roots.default`; this file builds a separate Root so the two never collide.
 * The AuthorizationInfo/ApiOptions messages (wx pay and cross-account only) are left out.
 */
import { Enum, Field, Root, Type } from 'protobufjs'

/** CommApiData.ApiType: which branch of CommApiData carries the call. */
export const ApiType = { OPEN_API: 0, INNER_API: 1, SVRKIT_API: 2, TOKEN_API: 3 } as const

function message(name: string, fields: [name: string, id: number, type: string, rule?: 'repeated'][]): Type {
  const type = new Type(name)
  for (const [fieldName, id, fieldType, rule] of fields) type.add(new Field(fieldName, id, fieldType, rule))
  return type
}

function buildRoot(): Root {
  const root = new Root()
  // KeyValuePair.contenttype is lower case in the SDK (its media converter sets `contentType`,
  // which the encoder then drops); keep the SDK's spelling so the wire matches.
  root.add(message('KeyValuePair', [['key', 1, 'string'], ['value', 2, 'bytes'], ['contenttype', 3, 'string'], ['filename', 4, 'string']]))
  root.add(message('OpenApiData', [['pairs', 1, 'KeyValuePair', 'repeated']]))
  root.add(message('TokenApiData', [['resourceAppid', 1, 'string'], ['resourceEnv', 2, 'string']]))
  root.add(message('SvrkitApiData', [['apiName', 1, 'string'], ['reqData', 2, 'bytes']]))
  root.add(new Enum('HTTP_METHODS', { HTTP_GET: 1, HTTP_POST: 2, HTTP_PUT: 3, HTTP_DELETE: 4, HTTP_HEAD: 5, HTTP_PATCH: 6 }))
  root.add(
    message('InnerApiData', [
      ['modid', 1, 'uint32'],
      ['cmdid', 2, 'uint32'],
      ['url', 3, 'string'],
      ['useHttps', 4, 'bool'],
      ['method', 5, 'HTTP_METHODS'],
      ['headers', 6, 'string', 'repeated'],
      ['body', 7, 'bytes'],
    ]),
  )
  const comm = message('CommApiData', [
    ['apiType', 1, 'CommApiData.ApiType'],
    ['openapiData', 2, 'OpenApiData'],
    ['innerData', 3, 'InnerApiData'],
    ['svrkitData', 4, 'SvrkitApiData'],
    ['tokenData', 5, 'TokenApiData'],
    ['appid', 6, 'string'],
  ])
  comm.add(new Enum('ApiType', { ...ApiType }))
  root.add(comm)
  root.add(message('HttpHeader', [['key', 1, 'string'], ['value', 2, 'string']]))
  root.add(
    message('CommOpenApiResp', [
      ['respData', 1, 'bytes'],
      ['contentType', 2, 'string'],
      ['errorCode', 3, 'int32'],
      ['httpCode', 4, 'uint32'],
      ['headers', 5, 'HttpHeader', 'repeated'],
      ['svrkitErrorCode', 6, 'int32'],
    ]),
  )
  root.add(message('ApiGetOpenDataByCloudIdReq', [['cloudidList', 2, 'string', 'repeated'], ['appid', 3, 'string']]))
  const resp = message('ApiGetOpenDataByCloudIdResp', [['dataList', 1, 'ApiGetOpenDataByCloudIdResp.OpDataItem', 'repeated']])
  resp.add(message('OpDataItem', [['cloudId', 1, 'string'], ['json', 2, 'string']]))
  root.add(resp)
  root.add(message('ApiVoipSignReq', [['groupId', 2, 'string'], ['timestamp', 3, 'uint32'], ['nonce', 4, 'string']]))
  root.add(message('ApiVoipSignResp', [['signature', 1, 'string']]))
  root.add(message('GetCloudCallSignReq', [['parameterList', 2, 'string', 'repeated']]))
  root.add(message('GetCloudCallSignResp', [['signature', 1, 'string']]))
  root.resolveAll()
  return root
}

export const openApiRoot = buildRoot()

export interface KeyValuePair {
  key?: string
  value?: Uint8Array
  contenttype?: string
  filename?: string
}

export interface CommApiData {
  apiType?: number
  openapiData?: { pairs?: KeyValuePair[] }
  innerData?: Record<string, unknown>
  svrkitData?: { apiName?: string; reqData?: Uint8Array }
  tokenData?: { resourceAppid?: string; resourceEnv?: string }
  appid?: string
}

export interface CommOpenApiResp {
  respData?: Uint8Array
  contentType?: string
  errorCode?: number
  httpCode?: number
  headers?: { key?: string; value?: string }[]
  svrkitErrorCode?: number
}

export interface OpDataItem {
  cloudId?: string
  json?: string
}

/** The message types by name, for the helpers below and for tests that compare with the SDK's. */
export type MessageName =
  | 'KeyValuePair'
  | 'OpenApiData'
  | 'TokenApiData'
  | 'SvrkitApiData'
  | 'InnerApiData'
  | 'CommApiData'
  | 'HttpHeader'
  | 'CommOpenApiResp'
  | 'ApiGetOpenDataByCloudIdReq'
  | 'ApiGetOpenDataByCloudIdResp'
  | 'ApiVoipSignReq'
  | 'ApiVoipSignResp'
  | 'GetCloudCallSignReq'
  | 'GetCloudCallSignResp'

export function encodeMessage(name: MessageName, value: object): Buffer {
  const type = openApiRoot.lookupType(name)
  // fromObject, not create: nested plain objects must become messages before encoding.
  return Buffer.from(type.encode(type.fromObject(value as Record<string, unknown>)).finish())
}

/** Decodes to a plain object: numbers for enums, Buffers for bytes, absent fields left out. */
export function decodeMessage<T>(name: MessageName, bytes: Uint8Array): T {
  const type = openApiRoot.lookupType(name)
  return type.toObject(type.decode(bytes), { enums: Number, longs: Number }) as T
}
