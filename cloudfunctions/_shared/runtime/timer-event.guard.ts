/**
 * The platform's timer trigger event, and the refusal of one that did not come from the platform.
 * `{ Type: 'Timer', TriggerName }` is only an event body: anyone may send it with
 * wx.cloud.callFunction. What tells a trigger apart is the context the platform sets, which a caller
 * cannot: getWXContext().SOURCE is `wx_trigger` for a timer (tools/function-runner/runner.ts sets it
 * as CloudBase does).
 */
import { fail, type Envelope } from '../../../types/envelope'

export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
}

export const isTimerEvent = (event: unknown): event is TimerEvent =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'

/** The trigger name as a log may quote it: the caller chose it, so it is cut short. */
export const triggerNameOf = (event: TimerEvent): string =>
  typeof event.TriggerName === 'string' ? event.TriggerName.slice(0, 64) : `(${typeof event.TriggerName})`

export const FORGED_TIMER_REPLY: Envelope<never> = fail('FORBIDDEN', '定时任务只能由云平台按时触发，不能从小程序调用')
