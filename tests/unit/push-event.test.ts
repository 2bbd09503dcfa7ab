/** WeChat's message pushes: which bodies are pushes, which SOURCE may carry one, and how a push is run. */
import { FORGED_PUSH_REPLY, isPlatformPushSource, isPushEvent } from '../../cloudfunctions/_shared/handler/push-event'
import { runPush } from '../../cloudfunctions/_shared/handler/handle'
import { defineFunction, type FunctionDef } from '../../cloudfunctions/_shared/handler/define-function'
import { accountFunction } from '../../cloudfunctions/account/account.function'
import { AdjustableClock } from '../../cloudfunctions/_shared/adapters/clock'
import { countingIds } from '../support/counting-ids'
import type { Deps } from '../../cloudfunctions/_shared/context/deps'
import type { Logger } from '../../cloudfunctions/_shared/ports/logger.port'

const MEDIA_PUSH = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 't-1', result: { suggest: 'pass', label: '100' } }

test('a push is a body with WeChat’s MsgType; an action’s body is not', () => {
  expect(isPushEvent(MEDIA_PUSH)).toBe(true)
  expect(isPushEvent({ MsgType: 'text', Content: '你好' })).toBe(true)
  for (const body of [{ action: 'submit' }, { Type: 'Timer', TriggerName: 'x' }, { MsgType: 1 }, null, 'event', []]) {
    expect(isPushEvent(body)).toBe(false)
  }
})

test('a SOURCE a caller can produce never carries a push; nor does none at all', () => {
  for (const source of ['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_crawler', 'wx_http', 'wx_trigger', 'scf', 'wx_client,scf', 'wx_unknown,scf', '', ' ', undefined, null, 7]) {
    expect(isPlatformPushSource(source)).toBe(false)
  }
  // What the platform's push may be (undocumented): anything no caller produces.
  for (const source of ['wx_unknown', 'wx_paycallback', 'wx_msg_push']) expect(isPlatformPushSource(source)).toBe(true)
  expect(FORGED_PUSH_REPLY).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

describe('runPush', () => {
  const logged: { message: string; fields?: Record<string, unknown> }[] = []
  const log: Logger = { info: () => {}, error: (message, fields) => logged.push({ message, ...(fields && { fields }) }) }
  const deps = { clock: AdjustableClock.fixedAt('2026-11-30T01:00:00.000Z'), ids: countingIds(), log } as unknown as Deps
  beforeEach(() => {
    logged.length = 0
  })
  const withPushes = (pushes: FunctionDef['pushes']) => defineFunction('account', accountFunction.actions, {}, pushes) as FunctionDef

  test('runs the handler of the push’s Event with a job’s context and answers its report', async () => {
    const seen: unknown[] = []
    const fn = withPushes({
      wxa_media_check: async (ctx, push) => {
        seen.push({ now: ctx.now, push, deadline: ctx.deadline > Date.now() })
        return { kept: 1 }
      },
    })
    expect(await runPush(fn, MEDIA_PUSH, deps, 5_000)).toEqual({ wxa_media_check: { kept: 1 } })
    expect(seen).toEqual([{ now: '2026-11-30T01:00:00.000Z', push: MEDIA_PUSH, deadline: true }])
  })

  test('a push the function has no handler for is logged and left', async () => {
    expect(await runPush(withPushes({}), { MsgType: 'event', Event: 'user_enter_tempsession' }, deps, 5_000)).toEqual({
      'event/user_enter_tempsession': { ignored: 1 },
    })
    expect(await runPush(withPushes({}), { MsgType: 'event', Event: 'toString' }, deps, 5_000)).toEqual({ 'event/toString': { ignored: 1 } })
    expect(logged.map((l) => l.message)).toEqual(['push not handled here', 'push not handled here'])
  })

  test('a handler that throws is contained and logged with a request id', async () => {
    const fn = withPushes({
      wxa_media_check: async () => {
        throw new Error('database down')
      },
    })
    const report = await runPush(fn, MEDIA_PUSH, deps, 5_000)
    expect(report).toEqual({ wxa_media_check: { error: expect.stringMatching(/^push failed \(push_\d+\)$/) } })
    expect(logged).toEqual([{ message: 'push failed', fields: expect.objectContaining({ push: 'wxa_media_check', error: 'Error: database down' }) }])
  })
})
