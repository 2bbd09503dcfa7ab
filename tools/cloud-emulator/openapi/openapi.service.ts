/**
 * The emulated WeChat open APIs behind CloudBase's `wx.openApi` and `wx.api` actions. Each call reads
 * top to bottom: decode the wire → check the calling function's config.json permission → apply an
 * injected failure → run the API → answer on the same wire → record the call. What is modelled and
 * what is not: README.md beside this file.
 */
import { join } from 'node:path'
import type { TcbRequest, TcbResponse } from '../service.types'
import { FailureInjector } from './failure.injector'
import { MediaCheckRegistry, mediaCheckAsync, mediaCheckPushEvent } from './media-check.api'
import { keywordLists, msgSecCheck } from './msg-sec-check.api'
import type { ApiCall, OpenApiHandler, WxJson } from './open-api.handler'
import { CloudIdRegistry, cloudbaseGetOpenData } from './open-data.api'
import { ApiType, decodeMessage, encodeMessage } from './openapi.proto'
import { TCB_ERR_CODE, WX_BACKEND, layerOf, tcbCodeName, wxError } from './openapi.errors'
import type {
  CallRecord,
  InjectedFailure,
  MediaCheck,
  MediaCheckPushEvent,
  OpenApiServiceOptions,
  SentMessage,
  Verdict,
} from './openapi.types'
import {
  WireError,
  backendErrorReply,
  pairsToBody,
  readOpenApiRequest,
  readWxApiRequest,
  svrkitErrorReply,
  svrkitReply,
  tcbErrorReply,
  wxApiReply,
  wxApiTcbError,
  wxJsonReply,
} from './openapi.wire'
import { Outbox } from './outbox.store'
import { productTemplates } from './product-templates'
import { subscribeMessageSend } from './subscribe-message.api'
import { ActivityRegistry, type ActivityCard, createActivityId, setUpdatableMsg } from './updatable-message.api'
import { SubscriptionLedger } from './subscription.ledger'

export interface OpenApiService {
  handle(req: TcbRequest): Promise<TcbResponse>
  /** Accepted subscription messages, oldest first; one person's when `openid` is given. */
  outbox(openid?: string | null): SentMessage[]
  calls(): CallRecord[]
  /** Arms a failure for the next `times` (default 1) calls of `api` (a wire name, 'getOpenData', or '*'). */
  inject(api: string, failure: InjectedFailure): void
  /** A cloudID for a group, as wx.getGroupEnterInfo would hand `openid`; it resolves for 5 minutes. */
  issueGroupCloudId(openGId: string, openid: string): string
  mediaChecks(): MediaCheck[]
  /** Decides a pending media check; returns the wxa_media_check push for the caller to deliver. */
  settleMediaCheck(traceId: string, verdict: Verdict, label?: number): MediaCheckPushEvent
  /** She allowed `templateId` once (wx.requestSubscribeMessage): one more send is possible. */
  grant(openid: string, templateId: string): void
  /** Sends of `templateId` she still allows. */
  credits(openid: string, templateId: string): number
  /** Every updatable card's activity id, its last state and its accepted updates (GET /__dev/cards). */
  cards(): ActivityCard[]
}

/** Svrkit-type calls (CommApiData.svrkitData): reqData bytes in, respData bytes out. */
type SvrkitHandler = (call: ApiCall, reqData: Uint8Array) => Buffer

type PermittedCall = ApiCall & { permissions: readonly string[] }

/** Other names a test may use for a wire API name (inject, calls). */
const ALIASES: Record<string, string[]> = { ApiGetOpenDataByCloudId: ['getOpenData'] }

const DEFAULT_APPID = 'wx0000000000000000'

export function createOpenApiService(options: OpenApiServiceOptions): OpenApiService {
  const appid = options.appid ?? DEFAULT_APPID
  const file = (name: string) => join(options.dataDir, name)
  const outbox = new Outbox(file('openapi-outbox.jsonl'))
  const ledger = new SubscriptionLedger(file('openapi-subscriptions.jsonl'))
  const media = new MediaCheckRegistry(file('openapi-media-checks.jsonl'))
  const cloudIds = new CloudIdRegistry(appid)
  const activities = new ActivityRegistry(file('openapi-activities.jsonl'))
  const injector = new FailureInjector()
  const records: CallRecord[] = []

  const openApis: Record<string, OpenApiHandler> = {
    'subscribeMessage.send': subscribeMessageSend({
      templates: options.templates ?? productTemplates(),
      ledger,
      requireGrants: options.requireGrants ?? true,
      ...(options.pages && { pages: options.pages }),
      deliver: (message) => outbox.add(message),
    }),
    'security.msgSecCheck': msgSecCheck(keywordLists(options.keywords), options.quotas ?? true),
    'security.mediaCheckAsync': mediaCheckAsync(media, options.quotas ?? true),
    'cloudbase.getOpenData': cloudbaseGetOpenData(cloudIds),
    'updatableMessage.createActivityId': createActivityId(activities),
    'updatableMessage.setUpdatableMsg': setUpdatableMsg(activities),
  }
  const svrkitApis: Record<string, SvrkitHandler> = {
    ApiGetOpenDataByCloudId: (call, reqData) => {
      const req = decodeMessage<{ cloudidList?: string[] }>('ApiGetOpenDataByCloudIdReq', reqData)
      const dataList = (req.cloudidList ?? []).map((cloudId) => ({ cloudId, json: cloudIds.resolve(cloudId, call.now) }))
      return encodeMessage('ApiGetOpenDataByCloudIdResp', { dataList })
    },
  }

  /** The call's context; its permissions are the caller's own when the front passes them (TcbCaller.openapi). */
  const callAt = (caller: TcbRequest['caller']): PermittedCall => {
    const now = options.now()
    const permissions = caller.openapi ?? options.permissionsOf(caller.functionName) ?? []
    return { functionName: caller.functionName, now, at: new Date(now).toISOString(), permissions }
  }

  const record = (api: string, call: ApiCall, errCode: number) => {
    records.push({ api, functionName: call.functionName, at: call.at, errCode })
    options.log?.(`[openapi] ${call.functionName} → ${api}: ${errCode === 0 ? 'ok' : errCode}`)
  }


  /** Waits out an injected delay (real time: the caller's HTTP timeout is real) and says if it was one. */
  const applyDelay = async (failure: InjectedFailure | undefined) => {
    if (failure && 'timeoutMs' in failure) {
      await new Promise((resolve) => setTimeout(resolve, failure.timeoutMs))
      return true
    }
    return false
  }

  /** An OPEN_API call: WeChat's JSON inside CommOpenApiResp. Returns the reply and the errCode the SDK surfaces. */
  async function openApiCall(api: string, call: PermittedCall, body: Record<string, unknown>): Promise<[TcbResponse, number]> {
    if (!call.permissions.includes(api)) return [backendErrorReply(WX_BACKEND.NO_PERMISSION), WX_BACKEND.NO_PERMISSION]
    const failure = injector.take([api, ...(ALIASES[api] ?? [])])
    if (await applyDelay(failure)) return [backendErrorReply(WX_BACKEND.TIMEOUT), WX_BACKEND.TIMEOUT]
    if (failure && 'errCode' in failure) return injectedOpenApi(failure.errCode)
    const handler = openApis[api]
    if (!handler) return [backendErrorReply(WX_BACKEND.API_NOT_FOUND), WX_BACKEND.API_NOT_FOUND]
    const json = handler(call, body)
    return [wxJsonReply(json), json.errcode]
  }

  function injectedOpenApi(errCode: number): [TcbResponse, number] {
    switch (layerOf(errCode)) {
      case 'wechat':
        return [wxJsonReply(wxError(errCode, 'injected')), errCode]
      case 'backend':
        return [backendErrorReply(errCode), errCode]
      case 'tcb': {
        const name = tcbCodeName(errCode)
        return [tcbErrorReply(name, 'injected'), TCB_ERR_CODE[name] ?? TCB_ERR_CODE.SYS_ERR ?? -501001]
      }
    }
  }

  /** A SVRKIT_API call (getOpenData): respData is the API's own message; errors surface as -601001. */
  async function svrkitCall(api: string, call: ApiCall, reqData: Uint8Array): Promise<[TcbResponse, number]> {
    const failure = injector.take([api, ...(ALIASES[api] ?? [])])
    if (await applyDelay(failure)) return [backendErrorReply(WX_BACKEND.TIMEOUT), WX_BACKEND.TIMEOUT]
    if (failure && 'errCode' in failure) {
      const layer = layerOf(failure.errCode)
      if (layer === 'wechat') return [svrkitErrorReply(failure.errCode), WX_BACKEND.SYSTEM_ERROR]
      return injectedOpenApi(failure.errCode)
    }
    const handler = svrkitApis[api]
    if (!handler) return [backendErrorReply(WX_BACKEND.API_NOT_FOUND), WX_BACKEND.API_NOT_FOUND]
    return [svrkitReply(handler(call, reqData)), 0]
  }

  async function handleOpenApi(req: TcbRequest): Promise<TcbResponse> {
    const call = callAt(req.caller)
    let apiName = typeof req.params.apiName === 'string' ? req.params.apiName : '(none)'
    try {
      const request = readOpenApiRequest(req.params)
      apiName = request.apiName
      const { comm } = request
      const [reply, errCode] =
        (comm.apiType ?? ApiType.OPEN_API) === ApiType.OPEN_API
          ? await openApiCall(apiName, call, pairsToBody(comm.openapiData?.pairs))
          : comm.apiType === ApiType.SVRKIT_API
            ? await svrkitCall(comm.svrkitData?.apiName || apiName, call, comm.svrkitData?.reqData ?? new Uint8Array())
            : [backendErrorReply(WX_BACKEND.API_NOT_FOUND), WX_BACKEND.API_NOT_FOUND]
      record(apiName, call, errCode)
      return reply
    } catch (error) {
      const name = error instanceof WireError ? 'INVALID_PARAM' : 'SYS_ERR'
      record(apiName, call, TCB_ERR_CODE[name] ?? -501001)
      return tcbErrorReply(name, (error as Error).message)
    }
  }

  async function handleWxApi(req: TcbRequest): Promise<TcbResponse> {
    const call = callAt(req.caller)
    let apiName = typeof req.params.apiName === 'string' ? req.params.apiName : '(none)'
    try {
      const request = readWxApiRequest(req.params)
      apiName = request.apiName
      const [reply, errCode] = await wxApiCall(apiName, call, request.body)
      record(apiName, call, errCode)
      return reply
    } catch (error) {
      const name = error instanceof WireError ? 'INVALID_PARAM' : 'SYS_ERR'
      record(apiName, call, TCB_ERR_CODE[name] ?? -501001)
      return wxApiTcbError(name, (error as Error).message)
    }
  }

  /** wx.api carries WeChat's JSON as is; refusals travel the same way (errcode in responseData). */
  async function wxApiCall(api: string, call: PermittedCall, body: Record<string, unknown>): Promise<[TcbResponse, number]> {
    const refuse = (errcode: number): [TcbResponse, number] => [wxApiReply(wxError(errcode)), errcode]
    if (!call.permissions.includes(api)) return refuse(WX_BACKEND.NO_PERMISSION)
    const failure = injector.take([api, ...(ALIASES[api] ?? [])])
    if (await applyDelay(failure)) return refuse(WX_BACKEND.TIMEOUT)
    if (failure && 'errCode' in failure) {
      if (layerOf(failure.errCode) !== 'tcb') return refuse(failure.errCode)
      const name = tcbCodeName(failure.errCode)
      return [wxApiTcbError(name, 'injected'), TCB_ERR_CODE[name] ?? -501001]
    }
    const handler = openApis[api]
    if (!handler) return refuse(WX_BACKEND.API_NOT_FOUND)
    const json: WxJson = handler(call, body)
    return [wxApiReply(json), json.errcode]
  }

  return {
    async handle(req) {
      switch (req.action) {
        case 'wx.openApi':
          return handleOpenApi(req)
        case 'wx.api':
          return handleWxApi(req)
        default:
          return { kind: 'json', body: { code: 'INVALID_ACTION', message: `the open-API service does not serve ${req.action}` } }
      }
    },
    outbox: (openid) => outbox.list(openid),
    calls: () => records.map((r) => ({ ...r })),
    inject(api, failure) {
      if ('errCode' in failure && (!Number.isInteger(failure.errCode) || failure.errCode === 0)) {
        throw new Error(`inject: errCode must be a non-zero integer, got ${failure.errCode}`)
      }
      if ('timeoutMs' in failure && !(failure.timeoutMs >= 0)) throw new Error(`inject: timeoutMs must be ≥ 0, got ${failure.timeoutMs}`)
      injector.inject(api, failure)
    },
    issueGroupCloudId: (openGId, openid) => cloudIds.issueGroup(openGId, openid, options.now()),
    mediaChecks: () => media.list(),
    settleMediaCheck(traceId, verdict, label) {
      const now = options.now()
      const check = media.settle(traceId, verdict, new Date(now).toISOString(), label)
      return mediaCheckPushEvent(check, appid, now)
    },
    grant: (openid, templateId) => ledger.grant(openid, templateId, new Date(options.now()).toISOString()),
    credits: (openid, templateId) => ledger.credits(openid, templateId),
    cards: () => activities.list(),
  }
}
