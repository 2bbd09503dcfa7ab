/**
 * WeChat's message push to a cloud function ("云开发 → 设置 → 其他设置 → 消息推送", push mode 云函数): the
 * platform invokes the function configured for a <MsgType, Event> pair with the message as the event,
 * JSON (developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/functions/openapi.html). The image
 * check's verdict arrives so: `{ MsgType: 'event', Event: 'wxa_media_check', trace_id, result, … }`.
 *
 * Such a body is only a body: anyone may send it with wx.cloud.callFunction. What tells the platform's
 * push apart is the context it sets (getWXContext().SOURCE, from TCB_SOURCE), which a caller cannot.
 * WeChat documents no SOURCE value for a message push (the list: wx_devtools, wx_client, wx_http,
 * wx_trigger, wx_paycallback, wx_crawler, wx_localdebug, wx_unknown, scf, "其他: 非微信端触发"), and
 * its customer-service example reads the user's OPENID in a pushed call, so OPENID tells nothing
 * either. The guard therefore refuses every source a caller can produce — a mini-program or the IDE
 * (wx_client, wx_devtools, wx_localdebug), the crawler (wx_crawler), an HTTP API call (wx_http),
 * another function anywhere in the chain (scf), a timer (wx_trigger) — and a missing one; anything
 * else is taken to be the platform's push. A refusal logs the SOURCE it saw, so the first real push
 * refused in production names the value to allow. tools/function-runner/runner.ts plays a push with
 * SOURCE `wx_unknown` ("微信未知来源调用") and no openid.
 */
import { fail, type Envelope } from '../../../types/envelope'

export interface PushEvent {
  MsgType: string
  Event?: string
  [field: string]: unknown
}

/** The pushes a function may handle, by `Event`. */
export type PushEventName = 'wxa_media_check'

/** An action's event carries `action`; a push carries WeChat's `MsgType`. */
export const isPushEvent = (event: unknown): event is PushEvent =>
  typeof event === 'object' && event !== null && !Array.isArray(event) && typeof (event as { MsgType?: unknown }).MsgType === 'string'

/** The push's name as a log may quote it: the sender chose it, so it is cut short. */
export const pushNameOf = (event: PushEvent): string =>
  `${event.MsgType.slice(0, 32)}/${typeof event.Event === 'string' ? event.Event.slice(0, 64) : `(${typeof event.Event})`}`

/** Every SOURCE hop that a caller, not the platform's push, produces. */
const CALLER_SOURCES = new Set(['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_crawler', 'wx_http', 'scf', 'wx_trigger'])

/** Whether getWXContext().SOURCE can be the platform's message push (see above). */
export function isPlatformPushSource(source: unknown): boolean {
  if (typeof source !== 'string' || source.trim() === '') return false
  return source.split(',').every((hop) => !CALLER_SOURCES.has(hop.trim()))
}

export const FORGED_PUSH_REPLY: Envelope<never> = fail('FORBIDDEN', '消息推送只能由微信平台发送，不能从小程序调用')
