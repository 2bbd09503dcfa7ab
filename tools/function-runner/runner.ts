/**
 * Runs the built bundles (build/functions/<fn>/index.js) as CloudBase runs them: each function's
 * instances on the runtime's Node binary, with the environment the platform injects (the service URL
 * in TCB_CONTEXT_CNFG, per-function credentials, WX_* context per invocation, TZ=UTC), frozen between
 * invocations, killed at the function's timeout, timer triggers on their cron. What it does not model
 * is listed in tools/cloud-emulator/README.md.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { FunctionRegistration } from '../cloud-emulator/service.types'
import type { DeployedFunction } from './deployment'
import { FunctionPool, type PoolStats } from './function-pool'
import { FunctionInstance, type InvocationClock, type InvocationOutcome } from './instance'
import { runtimeBinary } from './runtime'
import { scheduleTimer, type ScheduledTimer } from './timers'

export type InvocationSource =
  /** A mini-program user's wx.cloud.callFunction. */
  | { source: 'wx_client'; openid: string; clientIp?: string }
  /** The function's own timer trigger. */
  | { source: 'wx_trigger' }
  /**
   * A request through CloudBase's HTTP access service (an external scheduler calling a job path). The
   * source it carries is not documented; the function relies on the job secret, never on it.
   */
  | { source: 'http_access' }
  /**
   * WeChat's message push to the function the console names for it (e.g. a mediaCheckAsync verdict).
   * WeChat documents no SOURCE for it: played as `wx_unknown` ("微信未知来源调用"), with no openid
   * (cloudfunctions/_shared/handler/push-event.ts says what the product assumes of it).
   */
  | { source: 'wx_message_push' }

export interface RunnerOptions {
  functions: DeployedFunction[]
  envId: string
  appId: string
  /** Where the SDKs reach CloudBase: what the platform injects as TCB_CONTEXT_CNFG.URL. */
  serviceUrl: string
  /** Tells the emulated CloudBase which credentials belong to which function. */
  register: (registration: FunctionRegistration) => void
  clock: () => InvocationClock
  maxInstances?: number
  log?: (line: string) => void
}

export interface FunctionRunner {
  functions: DeployedFunction[]
  invoke(name: string, event: unknown, from: InvocationSource): Promise<InvocationOutcome>
  /** Fires a function's timer trigger now, as the platform would at its cron time. */
  fireTimer(name: string): Promise<InvocationOutcome>
  startTimers(): void
  stats(): Record<string, PoolStats>
  close(): Promise<void>
}

const WX_CONTEXT_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_CLIENTIPV6', 'WX_API_TOKEN', 'WX_CLOUDBASE_ACCESSTOKEN', 'WX_TRIGGER_API_TOKEN_V0']
const TCB_CONTEXT_KEYS = ['TCB_ENV', 'TCB_SEQID', 'TRIGGER_SRC', 'TCB_SOURCE', 'TCB_ISANONYMOUS_USER', 'TCB_SESSIONTOKEN', 'TCB_HTTP_CONTEXT', 'TCB_CUSTOM_USER_ID', 'TCB_UUID']

/** What the platform injects into every instance of a function (the build's warm-up uses it too). */
export function instanceEnvironment(
  fn: DeployedFunction,
  options: Pick<RunnerOptions, 'envId' | 'serviceUrl'>,
  credentials: FunctionRegistration,
): Record<string, string> {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: '/tmp',
    // The platform keeps UTC unless the function sets TZ (docs.cloudbase.net/cloud-function/timezone).
    TZ: 'UTC',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_APPID: '1250000000',
    TENCENTCLOUD_UIN: '100000000001',
    TENCENTCLOUD_SECRETID: credentials.secretId,
    TENCENTCLOUD_SECRETKEY: credentials.secretKey,
    TENCENTCLOUD_SESSIONTOKEN: credentials.sessionToken,
    SCF_RUNTIME: fn.runtime,
    SCF_FUNCTIONNAME: fn.name,
    SCF_FUNCTIONVERSION: '$LATEST',
    SCF_NAMESPACE: options.envId,
    SCF_MEMORY_SIZE: String(fn.memoryMb),
    TCB_ENV: options.envId,
    TCB_CONTEXT_KEYS: TCB_CONTEXT_KEYS.join(','),
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: options.serviceUrl }),
    ...fn.envVariables,
  }
}

/** What the platform sets for one invocation, by its source. */
export function invocationEnvironment(from: InvocationSource, options: Pick<RunnerOptions, 'appId'>, requestId: string): Record<string, string> {
  const common = {
    WX_CONTEXT_KEYS: WX_CONTEXT_KEYS.join(','),
    WX_APPID: options.appId,
    TCB_SEQID: requestId,
    WX_API_TOKEN: `emulated-${requestId}`,
  }
  if (from.source === 'wx_trigger') {
    return { ...common, TCB_SOURCE: 'wx_trigger', TRIGGER_SRC: 'timer', WX_TRIGGER_API_TOKEN_V0: `emulated-${requestId}` }
  }
  if (from.source === 'http_access') return { ...common, TCB_SOURCE: 'http', TRIGGER_SRC: 'http' }
  if (from.source === 'wx_message_push') return { ...common, TCB_SOURCE: 'wx_unknown' }
  return { ...common, TCB_SOURCE: 'wx_client', TRIGGER_SRC: 'tcb', WX_OPENID: from.openid, WX_CLIENTIP: from.clientIp ?? '127.0.0.1' }
}

export function createFunctionRunner(options: RunnerOptions): FunctionRunner {
  const log = options.log ?? ((line: string) => console.log(line))
  const pools = new Map<string, FunctionPool>()
  const byName = new Map(options.functions.map((fn) => [fn.name, fn]))
  const timers: ScheduledTimer[] = []

  for (const fn of options.functions) {
    const credentials: FunctionRegistration = {
      name: fn.name,
      secretId: `AKIDemulated${fn.name}${randomBytes(6).toString('hex')}`,
      secretKey: randomBytes(24).toString('base64url'),
      sessionToken: randomBytes(24).toString('base64url'),
      openapi: fn.openapi,
    }
    options.register(credentials)
    const env = instanceEnvironment(fn, options, credentials)
    pools.set(
      fn.name,
      new FunctionPool({
        maxInstances: options.maxInstances ?? 2,
        start: () => new FunctionInstance({ functionName: fn.name, bundle: fn.bundle, runtimeNode: runtimeBinary(fn.runtime), env, log }),
      }),
    )
  }

  const invoke = async (name: string, event: unknown, from: InvocationSource): Promise<InvocationOutcome> => {
    const fn = byName.get(name)
    const pool = pools.get(name)
    if (!fn || !pool) throw new Error(`no function ${name} is deployed`)
    const requestId = randomUUID()
    const env = invocationEnvironment(from, options, requestId)
    return pool.invoke({
      event,
      env,
      clock: options.clock(),
      timeoutMs: fn.timeoutMs,
      context: {
        callbackWaitsForEmptyEventLoop: false,
        memory_limit_in_mb: fn.memoryMb,
        time_limit_in_ms: fn.timeoutMs,
        request_id: requestId,
        function_name: fn.name,
        function_version: '$LATEST',
        namespace: options.envId,
        environ: Object.entries(env).map(([k, v]) => `${k}=${v}`).join(';'),
      },
    })
  }

  const fireTimer = (name: string) => {
    const trigger = byName.get(name)?.timer
    if (!trigger) throw new Error(`${name} has no timer trigger`)
    const at = new Date(clockNow(options.clock())).toISOString().replace(/\.\d{3}Z$/, 'Z')
    return invoke(name, { Type: 'Timer', TriggerName: trigger.name, Time: at, Message: '' }, { source: 'wx_trigger' })
  }

  return {
    functions: options.functions,
    invoke,
    fireTimer,
    startTimers: () => {
      for (const fn of options.functions) {
        if (!fn.timer) continue
        timers.push(
          scheduleTimer(fn.timer.cron, async () => {
            const outcome = await fireTimer(fn.name)
            if (outcome.kind !== 'result') log(`[${fn.name}] timer ${fn.timer?.name}: ${outcome.kind}`)
          }),
        )
      }
    },
    stats: () => Object.fromEntries([...pools].map(([name, pool]) => [name, pool.stats()])),
    close: async () => {
      for (const timer of timers.splice(0)) timer.stop()
      await Promise.all([...pools.values()].map((pool) => pool.close()))
    },
  }
}

export function clockNow(clock: InvocationClock): number {
  return clock.mode === 'fixed' ? clock.nowMs : Date.now() + clock.offsetMs
}
