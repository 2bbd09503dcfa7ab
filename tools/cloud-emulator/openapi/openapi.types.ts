/** What the open-API service is given and what it hands back, apart from the wire (openapi.proto.ts). */

/** The value types of a subscription-message template's fields (WeChat's 参数类别). */
export type TemplateFieldType =
  | 'thing'
  | 'phrase'
  | 'character_string'
  | 'number'
  | 'letter'
  | 'name'
  | 'phone_number'
  | 'time'
  | 'date'
  | 'amount'
  | 'car_number'
  | 'symbol'

/** A template as the mini-program's admin console defines it: field key → its type. */
export interface TemplateSpec {
  keys: Record<string, TemplateFieldType>
}

export interface OpenApiServiceOptions {
  /** Where the outbox, the subscription ledger and the media checks are kept (JSONL, across restarts). */
  dataDir: string
  /** The emulated clock, ms since the epoch: cloudID expiry, quotas and every `at`. */
  now: () => number
  /**
   * The function's config.json permissions.openapi; undefined for a function the emulator does not know
   * (then it may call nothing). A request whose caller carries `openapi` (TcbCaller) uses that instead.
   */
  permissionsOf(functionName: string): string[] | undefined
  /** Template id → its fields. Default: the product's templates (product-templates.ts) under templateIds(). */
  templates?: Record<string, TemplateSpec>
  /** Each send spends one grant per (openid, template), as WeChat's one-time subscriptions do. Default true. */
  requireGrants?: boolean
  /**
   * The mini-program's pages (app.json), e.g. ['pages/index/index']. When given, a `page` outside it
   * is refused with 41030 as the real API does; when absent only the page's form is checked.
   */
  pages?: string[]
  /** The mini-program's appid, for watermarks and push events. */
  appid?: string
  /**
   * WeChat's per-minute quotas (msgSecCheck 4000, mediaCheckAsync 2000 → 45009), on the emulated clock.
   * Default true; turn off for floods under a frozen clock.
   */
  quotas?: boolean
  /** Words that make msgSecCheck answer risky / review (defaults in msg-sec-check.api.ts). */
  keywords?: { risky?: string[]; review?: string[] }
  log?: (line: string) => void
}

/** A subscription message WeChat accepted; the list format mirrors LocalMessenger's (local-messenger.ts). */
export interface SentMessage {
  openid: string
  templateId: string
  /** The page as the local host lists it: always with a leading '/', the query kept. */
  page: string
  data: Record<string, string>
  /** When it was accepted (emulated clock, ISO). */
  at: string
  /** Same instant, under LocalMessenger's name, so both hosts' /__dev/outbox read alike. */
  sentAt: string
  functionName: string
  miniprogramState: 'developer' | 'trial' | 'formal'
  lang: string
}

/** One call that reached the emulated WeChat. `errCode` is what wx-server-sdk hands the function (0: ok). */
export interface CallRecord {
  api: string
  functionName: string
  at: string
  errCode: number
}

export type Verdict = 'pass' | 'risky' | 'review'

export interface MediaCheck {
  traceId: string
  openid: string
  mediaUrl: string
  /** 1 audio, 2 image. */
  mediaType: number
  scene: number
  functionName: string
  at: string
  status: 'pending' | 'settled'
  verdict?: Verdict
  label?: number
  settledAt?: string
}

/** The message WeChat pushes when an async media check is done (Event `wxa_media_check`). */
export interface MediaCheckPushEvent {
  ToUserName: string
  FromUserName: string
  CreateTime: number
  MsgType: 'event'
  Event: 'wxa_media_check'
  appid: string
  trace_id: string
  version: 2
  result: { suggest: Verdict; label: string }
  detail: { strategy: string; errcode: number; suggest: Verdict; label: string; prob: number }[]
}

/** A failure to inject: an errcode answered instead, or a delay followed by WeChat's timeout. */
export type InjectedFailure = { errCode: number; times?: number } | { timeoutMs: number; times?: number }
