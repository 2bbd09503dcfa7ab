/**
 * The caller's context read without wx-server-sdk (runtime/wx-context.ts) is what the SDK's own
 * getWXContext returns, for the environments the platform sets: a user's call, a timer, a message
 * push, the API tokens (left out), a value of digits, no context at all.
 */
import cloud from 'wx-server-sdk'
import { wxContextOf } from '../../../cloudfunctions/_shared/runtime/wx-context'

const KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6,WX_API_TOKEN,WX_CLOUDBASE_ACCESSTOKEN,WX_TRIGGER_API_TOKEN_V0'

const environments: Record<string, Record<string, string>> = {
  'a user': { WX_CONTEXT_KEYS: KEYS, WX_OPENID: 'o-zhao', WX_APPID: 'wx123', WX_CLIENTIP: '10.0.0.1', WX_API_TOKEN: 'secret', TCB_SOURCE: 'wx_client', TCB_ENV: 'env-a' },
  'a timer': { WX_CONTEXT_KEYS: KEYS, WX_APPID: 'wx123', WX_TRIGGER_API_TOKEN_V0: 'secret', TCB_SOURCE: 'wx_trigger', SCF_NAMESPACE: 'env-b' },
  'a message push': { WX_CONTEXT_KEYS: KEYS, WX_APPID: 'wx123', TCB_SOURCE: 'wx_unknown', TCB_ENV: 'env-a', SCF_NAMESPACE: 'env-b' },
  'digits and other keys': { WX_CONTEXT_KEYS: `${KEYS},,TCB_SEQID,WX_`, WX_OPENID: '12345', WX_UNIONID: '-7', TCB_SEQID: 'seq-1', WX_: 'x' },
  'no context': { TCB_SOURCE: 'wx_client', TCB_ENV: 'env-a' },
}

const CONTEXT_VARIABLES = /^(WX_|TCB_|SCF_NAMESPACE$)/
let saved: NodeJS.ProcessEnv

beforeEach(() => {
  saved = { ...process.env }
  for (const key of Object.keys(process.env)) if (CONTEXT_VARIABLES.test(key)) delete process.env[key]
})
afterEach(() => {
  process.env = saved
})

test.each(Object.entries(environments))('%s: the same context as cloud.getWXContext()', (_what, env) => {
  Object.assign(process.env, env)
  expect(wxContextOf(process.env)).toEqual(cloud.getWXContext())
})
