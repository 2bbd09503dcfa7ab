/**
 * The caller's context as wx-server-sdk's `cloud.getWXContext()` reads it (wx-server-sdk 4.0.2,
 * src/api/utils/api/getWXContext.ts), without loading the SDK: it is only the process environment the
 * platform sets for each invocation — the keys WX_CONTEXT_KEYS lists, `WX_` taken off (OPENID, APPID,
 * UNIONID…), the API tokens left out, a value of digits read as a number; ENV from TCB_ENV (or
 * SCF_NAMESPACE); SOURCE from TCB_SOURCE. Every call needs it, and wx-server-sdk is a third of a
 * bundle's load time, so the SDK is loaded only by the calls that reach WeChat (cloud-entry.ts).
 * tests/unit/adapters/wx-context.test.ts holds it to the SDK's own function.
 */
export interface WXContext {
  OPENID?: string
  APPID?: string
  UNIONID?: string
  ENV?: string
  SOURCE?: string
  [key: string]: string | number | undefined
}

const WX_PREFIX = 'WX_'
const LEFT_OUT = ['API_TOKEN', 'TRIGGER_API_TOKEN_V0']
const isLeftOut = (key: string): boolean => LEFT_OUT.some((name) => key === name || key === WX_PREFIX + name)

export function wxContextOf(env: Record<string, string | undefined>): WXContext {
  const context: WXContext = {}
  if (!env.WX_CONTEXT_KEYS) return context
  for (const key of env.WX_CONTEXT_KEYS.split(',')) {
    if (!key || isLeftOut(key)) continue
    const raw = env[key]
    if (raw === undefined) continue
    const value = /^[-]?\d+$/.test(raw) ? parseInt(raw) : raw
    if (key.startsWith(WX_PREFIX) && key.length > WX_PREFIX.length) context[key.slice(WX_PREFIX.length)] = value
    else context[key] = value
  }
  context.ENV = env.TCB_ENV || env.SCF_NAMESPACE
  if (env.TCB_SOURCE) context.SOURCE = env.TCB_SOURCE
  return context
}
