/**
 * security.mediaCheckAsync (version 2): `{ media_url, media_type: 1 audio | 2 image, version: 2,
 * scene: 1–4, openid }` → `{ errcode: 0, trace_id }` at once; the verdict is pushed later as a
 * `wxa_media_check` event. Here a check stays pending until the test (or the developer) settles it,
 * which yields that push event for the caller to deliver. Errors: 45009 over 2000 calls a minute,
 * 47001 for another version, media_type or a media_url WeChat could not download (stricter than the
 * real API, which accepts any string and pushes a useless verdict), 40003 without openid, 40129 bad scene.
 */
import { JsonlLog } from './jsonl-log.store'
import { MinuteQuota } from './minute-quota'
import { type ApiCall, OK, type OpenApiHandler, type WxJson } from './open-api.handler'
import { rid, wxError } from './openapi.errors'
import type { MediaCheck, MediaCheckPushEvent, Verdict } from './openapi.types'

type MediaEvent = { op: 'request'; check: MediaCheck } | { op: 'settle'; traceId: string; verdict: Verdict; label: number; settledAt: string }

const DEFAULT_LABEL: Record<Verdict, number> = { pass: 100, review: 21000, risky: 20002 }

export class MediaCheckRegistry {
  private readonly log: JsonlLog<MediaEvent>
  private readonly checks = new Map<string, MediaCheck>()

  constructor(file: string) {
    this.log = new JsonlLog(file)
    for (const event of this.log.read()) this.apply(event)
  }

  list(): MediaCheck[] {
    return [...this.checks.values()].map((c) => ({ ...c }))
  }

  request(check: MediaCheck): void {
    this.record({ op: 'request', check })
  }

  settle(traceId: string, verdict: Verdict, settledAt: string, label = DEFAULT_LABEL[verdict]): MediaCheck {
    const check = this.checks.get(traceId)
    if (!check) throw new Error(`no media check with trace_id ${traceId}`)
    // WeChat pushes one verdict per check.
    if (check.status === 'settled') throw new Error(`media check ${traceId} is already settled (${check.verdict})`)
    this.record({ op: 'settle', traceId, verdict, label, settledAt })
    return { ...(this.checks.get(traceId) as MediaCheck) }
  }

  private record(event: MediaEvent): void {
    this.log.append(event)
    this.apply(event)
  }

  private apply(event: MediaEvent): void {
    if (event.op === 'request') {
      this.checks.set(event.check.traceId, { ...event.check })
      return
    }
    const check = this.checks.get(event.traceId)
    if (check) Object.assign(check, { status: 'settled', verdict: event.verdict, label: event.label, settledAt: event.settledAt })
  }
}

export function mediaCheckAsync(registry: MediaCheckRegistry, quotas = true): OpenApiHandler {
  const quota = new MinuteQuota(quotas ? 2000 : Infinity)
  return (call: ApiCall, body): WxJson => {
    if (!quota.take(call.now)) return wxError(45009, 'mediaCheckAsync allows 2000 calls a minute')
    const { media_url: mediaUrl, media_type: mediaType, version, scene, openid } = body
    if (version !== 2 && version !== '2') return wxError(47001, 'the emulator models version 2 only')
    if (typeof openid !== 'string' || openid === '') return wxError(40003, 'openid is required in version 2')
    const sceneNo = Number(scene)
    if (!Number.isInteger(sceneNo) || sceneNo < 1 || sceneNo > 4) return wxError(40129, 'scene: 1 profile, 2 comment, 3 forum, 4 social log')
    const type = Number(mediaType)
    if (type !== 1 && type !== 2) return wxError(47001, 'media_type: 1 audio, 2 image')
    if (typeof mediaUrl !== 'string' || !/^https?:\/\/\S+$/.test(mediaUrl)) {
      return wxError(47001, 'media_url must be an http(s) URL WeChat can download (not cloud:// or a temp path)')
    }
    const traceId = rid()
    registry.request({ traceId, openid, mediaUrl, mediaType: type, scene: sceneNo, functionName: call.functionName, at: call.at, status: 'pending' })
    return { ...OK, trace_id: traceId }
  }
}

/**
 * The push WeChat sends when the check is done. Shape from the mediaCheckAsync docs' 异步检测结果推送;
 * `label` as a string and FromUserName as the user's openid follow a real push quoted on WeChat's
 * developer forum (README.md, sources).
 */
export function mediaCheckPushEvent(check: MediaCheck, appid: string, now: number): MediaCheckPushEvent {
  const suggest = check.verdict ?? 'pass'
  const label = String(check.label ?? DEFAULT_LABEL[suggest])
  return {
    ToUserName: 'gh_emulator',
    FromUserName: check.openid,
    CreateTime: Math.floor(now / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid,
    trace_id: check.traceId,
    version: 2,
    result: { suggest, label },
    detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
  }
}
