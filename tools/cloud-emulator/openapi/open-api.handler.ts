/** What every emulated WeChat API gets and answers, independent of the wire that carried it. */

export interface ApiCall {
  functionName: string
  /** The emulated clock at the call, ms. */
  now: number
  /** The same instant, ISO. */
  at: string
}

/** A WeChat JSON answer, snake_case as api.weixin.qq.com writes it (wx-server-sdk camel-cases it). */
export interface WxJson {
  errcode: number
  errmsg: string
  [field: string]: unknown
}

/** One API: the decoded JSON body (for OPEN_API calls, one key per KeyValuePair) in, WeChat's JSON out. */
export type OpenApiHandler = (call: ApiCall, body: Record<string, unknown>) => WxJson

export const OK = { errcode: 0, errmsg: 'ok' } as const

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
