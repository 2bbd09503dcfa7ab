/**
 * The production entry of every function: WeChat's context gives the identity, CloudBase holds the
 * state. Timer triggers run the function's jobs. Only bundled cloud functions import this file.
 *
 * The environment is checked once per instance (configuration.check.ts): an instance that fails it
 * answers every call "not configured" and runs no job, rather than crash on a missing key or send
 * with stand-in template ids. A timer event that did not come from the platform is refused. Where the
 * platform has no timers, the same jobs run through the HTTP access service with the job secret
 * (http-jobs.trigger.ts).
 *
 * The SDKs are loaded when a call first needs them, not at the cold start: the caller comes from the
 * invocation's environment (wx-context.ts, what getWXContext reads), @cloudbase/node-sdk with the
 * first use of the store, wx-server-sdk with the first use of WeChat (content checks, messages, group
 * chats, photos). A call that needs neither — refused, not configured, invalid input — loads neither,
 * and a read loads node-sdk alone (docs/benchmarks.md, "Cold start").
 */
import { defaultWriteLimiter } from '../adapters/write-limiter'
import type WxServerSdk from 'wx-server-sdk'
import type { Caller } from '../ports/identity.port'
import { consoleLogger } from '../ports/logger.port'
import { systemClock } from '../adapters/clock'
import { randomIds } from '../adapters/ids'
import { createCloudbaseStore } from '../adapters/cloudbase/store.cloudbase'
import { currentEnvironmentDatabase } from '../adapters/cloudbase/node-sdk.database'
import { handle, runJobs, runPush } from '../handler/handle'
import { FORGED_PUSH_REPLY, isPlatformPushSource, isPushEvent, pushNameOf } from '../handler/push-event'
import { mediaCheckGuard } from '../adapters/wechat/media-check.guard'
import { deliverMessages } from '../notify/deliver'
import { msgSecCheckGuard } from '../adapters/wechat/msg-sec-check.guard'
import { aesGcmCipher } from '../adapters/aes-gcm.cipher'
import { subscribeMessenger } from '../adapters/wechat/subscribe.messenger'
import { updatableMessageShareCards } from '../adapters/wechat/updatable-message.share-cards'
import { openDataGroupResolver } from '../adapters/wechat/open-data.group-resolver'
import { cloudStorageFiles } from '../adapters/wechat/cloud-storage.files'
import { uploadFolderOf } from '../files/upload-folder'
import type { Deps } from '../context/deps'
import type { FunctionDef } from '../handler/define-function'
import { checkConfiguration, describeProblem, notConfiguredReply, type ProductionConfiguration } from './configuration.check'
import { AFTER_CHANGE_BUDGET_MS, JOB_BUDGET_MS } from './budgets'
import { carriesJobSecret, httpReply, isHttpEvent } from './http-jobs.trigger'
import { fail, type Envelope } from '../../../types/envelope'
import { wxContextOf, type WXContext } from './wx-context'

type WxCloud = typeof WxServerSdk
let wxCloud: WxCloud | undefined
/** wx-server-sdk, loaded and initialised by the first call that reaches WeChat. */
function wechat(): WxCloud {
  if (!wxCloud) {
    // A require the bundler still bundles, run only now: an import would run the SDK at load.
    const cloud = require('wx-server-sdk') as WxCloud
    // The SDK's types predate DYNAMIC_CURRENT_ENV being a symbol; at run time it is what init expects.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    wxCloud = cloud
  }
  return wxCloud
}

/** A value made the first time it is read, then kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined
  return () => (made ??= { value: make() }).value
}

/**
 * The platform's timer trigger event, and the refusal of one that did not come from the platform.
 * `{ Type: 'Timer', TriggerName }` is only an event body: anyone may send it with
 * wx.cloud.callFunction. What tells a trigger apart is the context the platform sets, which a caller
 * cannot: getWXContext().SOURCE is `wx_trigger` for a timer (tools/function-runner/runner.ts sets it
 * as CloudBase does).
 */
interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
}

const isTimerEvent = (event: unknown): event is TimerEvent =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'

/** The trigger name as a log may quote it: the caller chose it, so it is cut short. */
const triggerNameOf = (event: TimerEvent): string =>
  typeof event.TriggerName === 'string' ? event.TriggerName.slice(0, 64) : `(${typeof event.TriggerName})`

const FORGED_TIMER_REPLY: Envelope<never> = fail('FORBIDDEN', '定时任务只能由云平台按时触发，不能从小程序调用')

let deps: Deps | undefined
function productionDeps(configuration: ProductionConfiguration): Deps {
  if (!deps) {
    const cipher = aesGcmCipher(configuration.phoneKey)
    // node-sdk's database, not cloud.database(): the adapter speaks node-sdk's document convention.
    const store = once(() => createCloudbaseStore(currentEnvironmentDatabase(), { cipher }))
    // Everything that reaches WeChat, made with wx-server-sdk by the first call that needs one of them.
    const wechatPorts = once(() => {
      const cloud = wechat()
      return {
        contentGuard: msgSecCheckGuard(cloud.openapi as never),
        messenger: subscribeMessenger(cloud.openapi as never, configuration.miniprogramState),
        groups: openDataGroupResolver(cloud as never),
        // The photo ids a report may name are this environment's (getWXContext's ENV: TCB_ENV, set by
        // the platform); upload folders are keyed with the phone key, as on the local host.
        files: cloudStorageFiles(cloud as never, String(wxContextOf(process.env).ENV ?? ''), uploadFolderOf(configuration.phoneKey)),
        // A report's photos are checked once it is saved; WeChat pushes each verdict to intake (wxa_media_check).
        mediaGuard: mediaCheckGuard(cloud.openapi as never),
        shareCards: updatableMessageShareCards(cloud.openapi as never),
      }
    })
    deps = {
      get store() {
        return store()
      },
      clock: systemClock,
      ids: randomIds,
      log: consoleLogger,
      get contentGuard() {
        return wechatPorts().contentGuard
      },
      // The checked values, never a development key or stand-in template ids.
      cipher,
      get messenger() {
        return wechatPorts().messenger
      },
      templates: configuration.templates,
      get groups() {
        return wechatPorts().groups
      },
      get files() {
        return wechatPorts().files
      },
      get mediaGuard() {
        return wechatPorts().mediaGuard
      },
      get shareCards() {
        return wechatPorts().shareCards
      },
      writeLimiter: defaultWriteLimiter(process.env, configuration.phoneKey),
    }
  }
  return deps
}

function callerFromWeChat(context: WXContext): Caller {
  if (context.SOURCE === 'wx_trigger') return { kind: 'timer' }
  return context.OPENID ? { kind: 'user', openid: context.OPENID } : { kind: 'anonymous' }
}

export function cloudEntry(fn: FunctionDef) {
  // At load, i.e. once per cold start: the platform sets a function's variables before it starts it.
  const check = checkConfiguration(process.env)
  let problemsLogged = false

  return async (event: unknown) => {
    const context = wxContextOf(process.env)
    if (isTimerEvent(event) && context.SOURCE !== 'wx_trigger') {
      consoleLogger.error('forged timer event refused', { fn: fn.name, openid: context.OPENID ?? null, trigger: triggerNameOf(event) })
      return FORGED_TIMER_REPLY
    }
    // A message push is only a body too: only the platform's own is handled (handler/push-event.ts).
    if (isPushEvent(event) && !isPlatformPushSource(context.SOURCE)) {
      consoleLogger.error('forged message push refused', { fn: fn.name, source: String(context.SOURCE ?? ''), openid: context.OPENID ?? null, push: pushNameOf(event) })
      return FORGED_PUSH_REPLY
    }

    if (isHttpEvent(event)) {
      if (!carriesJobSecret(event, process.env.JOB_TRIGGER_SECRET)) {
        consoleLogger.error('job request without the job secret refused', { fn: fn.name, path: event.path ?? null })
        return httpReply(403, fail('FORBIDDEN', '没有权限运行定时任务'))
      }
      if (!check.ok) return httpReply(503, notConfiguredReply(randomIds.next('job')))
      return httpReply(200, await runJobs(fn, productionDeps(check.configuration), JOB_BUDGET_MS))
    }

    if (!check.ok) {
      const requestId = randomIds.next(isTimerEvent(event) ? 'job' : 'req')
      // Logged with a call rather than at load, so it lands in an invocation's log on CloudBase; the
      // first call of the instance names what is wrong, later ones only their request id.
      consoleLogger.error(isTimerEvent(event) ? 'timer skipped: not configured' : 'call refused: not configured', {
        fn: fn.name,
        requestId,
        ...(problemsLogged ? {} : { problems: check.problems.map(describeProblem) }),
      })
      problemsLogged = true
      return notConfiguredReply(requestId)
    }

    const d = productionDeps(check.configuration)
    const caller = callerFromWeChat(context)
    if (isTimerEvent(event) && caller.kind === 'timer') return runJobs(fn, d, JOB_BUDGET_MS)
    if (isPushEvent(event)) return runPush(fn, event, d, JOB_BUDGET_MS)
    // "Right after a change": a function is frozen once it answers, so what a write queued is delivered
    // before answering, within a short budget; the notify timer takes whatever is left.
    return handle(fn, event, caller, d, {
      afterWrite: () => deliverMessages({ deps: d, now: d.clock.now(), requestId: 'after-change', deadline: Date.now() + AFTER_CHANGE_BUDGET_MS }),
    })
  }
}
