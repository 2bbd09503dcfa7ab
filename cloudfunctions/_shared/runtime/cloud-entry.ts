/**
 * The production entry of every function: WeChat's context gives the identity, CloudBase holds the
 * state. Timer triggers run the function's jobs. Only bundled cloud functions import this file.
 */
import { defaultWriteLimiter } from '../adapters/window-rate-limiter'
import cloud from 'wx-server-sdk'
import type { Caller } from '../ports/identity.port'
import { consoleLogger } from '../ports/logger.port'
import { systemClock } from '../adapters/clock'
import { randomIds } from '../adapters/ids'
import { createCloudbaseStore } from '../adapters/cloudbase/store.cloudbase'
import { currentEnvironmentDatabase } from '../adapters/cloudbase/node-sdk.database'
import { handle, runJobs } from '../handler/handle'
import { READ_ACTIONS } from '../handler/read-actions'
import { deliverMessages } from '../notify/deliver'
import { msgSecCheckGuard } from '../adapters/wechat/msg-sec-check.guard'
import { aesGcmCipher, keyFromEnvironment } from '../adapters/aes-gcm.cipher'
import { subscribeMessenger } from '../adapters/wechat/subscribe.messenger'
import { templateIds } from '../notify/templates'
import { openDataGroupResolver } from '../adapters/wechat/open-data.group-resolver'
import type { Deps } from '../handler/deps'
import type { FunctionDef } from '../handler/define-function'

/** How long a write may spend delivering its messages before answering (the person is waiting). */
const AFTER_CHANGE_BUDGET_MS = 1_500

/** A timer must finish before the function's 60 s timeout; leave room for the last transaction. */
const JOB_BUDGET_MS = 50_000

let deps: Deps | undefined
function productionDeps(): Deps {
  if (!deps) {
    // The SDK's types predate DYNAMIC_CURRENT_ENV being a symbol; at run time it is what init expects.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    deps = {
      // node-sdk's database, not cloud.database(): the adapter speaks node-sdk's document convention.
      store: createCloudbaseStore(currentEnvironmentDatabase()),
      clock: systemClock,
      ids: randomIds,
      log: consoleLogger,
      contentGuard: msgSecCheckGuard(cloud.openapi as never),
      // Production never falls back to a development key: a missing key fails the function loudly.
      cipher: aesGcmCipher(keyFromEnvironment(false)),
      messenger: subscribeMessenger(cloud.openapi as never),
      templates: templateIds(),
      groups: openDataGroupResolver(cloud as never),
      writeLimiter: defaultWriteLimiter(),
    }
  }
  return deps
}

function callerFromWeChat(): Caller {
  const context = cloud.getWXContext()
  if (context.SOURCE === 'wx_trigger') return { kind: 'timer' }
  return context.OPENID ? { kind: 'user', openid: context.OPENID } : { kind: 'anonymous' }
}

interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
}
const isTimerEvent = (event: unknown): event is TimerEvent =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'

export function cloudEntry(fn: FunctionDef) {
  return async (event: unknown) => {
    const d = productionDeps()
    const caller = callerFromWeChat()
    if (isTimerEvent(event) && caller.kind === 'timer') return runJobs(fn, d, JOB_BUDGET_MS)
    const reply = await handle(fn, event, caller, d)
    // "Right after a change": a function is frozen once it answers, so what the change queued is
    // delivered before answering, within a short budget; the notify timer takes whatever is left.
    const action = (event as { action?: unknown } | null)?.action
    if (reply.ok && typeof action === 'string' && !READ_ACTIONS.has(action)) {
      try {
        await deliverMessages({ deps: d, now: d.clock.now(), requestId: 'after-change', deadline: Date.now() + AFTER_CHANGE_BUDGET_MS })
      } catch (error) {
        d.log.error('delivery after change failed', { error: String(error) })
      }
    }
    return reply
  }
}
