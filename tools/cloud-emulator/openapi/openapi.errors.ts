/**
 * The error codes the emulated open APIs answer, where each comes from, and which layer of the wire
 * carries it. wx-server-sdk turns each layer into `errCode` differently
 * (node_modules/wx-server-sdk/index.js, callWXOpenAPI.ts and generic.ts):
 *  - WeChat's own `errcode` (positive, or -1) travels inside the JSON `respData` and becomes `errCode`;
 *  - a CommOpenApiResp `errorCode` (the -60xxxx "WeChat back end" range) becomes `errCode` as is;
 *  - a TCB error `{ code, message }` (sent as JSON instead of protobuf) becomes TCB_ERR_CODE[code],
 *    -501001 for a code the SDK does not know;
 *  - a svrkit call (getOpenData) with svrkitErrorCode ≠ 0 always surfaces as -601001.
 */

/** WeChat errcodes and the errmsg text the real API starts with. */
export const WX_ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40003: 'invalid openid',
  40037: 'invalid template_id',
  40129: 'invalid scene',
  41030: 'invalid page',
  43101: 'user refuse to accept the msg',
  44002: 'empty post data',
  45009: 'reach max api daily quota limit',
  47001: 'data format error',
  47003: 'argument invalid!',
}

/** CommOpenApiResp.errorCode values (wx-server-sdk ERR_CODE, "微信服务器" range). */
export const WX_BACKEND = {
  SYSTEM_ERROR: -601001,
  INVALID_CLOUDID: -601005,
  CLOUDID_EXPIRED: -601006,
  API_NOT_FOUND: -604100,
  NO_PERMISSION: -604101,
  TIMEOUT: -604102,
} as const

/** TCB error codes by name, as wx-server-sdk maps them (tcb/config/error.config.ts TCB_ERR_CODE). */
export const TCB_ERR_CODE: Record<string, number> = {
  SYS_ERR: -501001,
  SERVER_TIMEOUT: -501002,
  EXCEED_REQUEST_LIMIT: -501003,
  EXCEED_CONCURRENT_REQUEST_LIMIT: -501004,
  INVALIID_ENV: -501005,
  INVALID_COMMON_PARAM: -501006,
  INVALID_PARAM: -501007,
  INVALID_REQUEST_SOURCE: -501008,
  RESOURCE_NOT_INITIAL: -501009,
}

/** Which layer an injected or computed code travels on. */
export type ErrorLayer = 'wechat' | 'backend' | 'tcb'

export function layerOf(errCode: number): ErrorLayer {
  if (errCode <= -501000 && errCode > -600000) return 'tcb'
  if (errCode <= -600000) return 'backend'
  return 'wechat'
}

/** The TCB code name for a numeric code; SYS_ERR when the SDK would not know it either. */
export function tcbCodeName(errCode: number): string {
  return Object.entries(TCB_ERR_CODE).find(([, n]) => n === errCode)?.[0] ?? 'SYS_ERR'
}

/** A request id in WeChat's `rid` style (three hex groups). */
export function rid(random: () => number = Math.random): string {
  const group = () => Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0')
  return `${group()}-${group()}-${group()}`
}

/**
 * A WeChat error answer `{ errcode, errmsg }` shaped like the real ones, e.g. 47003:
 * "argument invalid! hint: [why] data.thing1.value invalid rid: …" — the real prefix, the emulator's
 * reason as the hint, the offending field as the tail.
 */
export function wxError(errcode: number, hint?: string, tail?: string): { errcode: number; errmsg: string } {
  const prefix = WX_ERRMSG[errcode] ?? 'error'
  return { errcode, errmsg: `${prefix}${hint ? ` hint: [${hint}]` : ''}${tail ? ` ${tail}` : ''} rid: ${rid()}` }
}
