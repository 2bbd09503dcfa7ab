/**
 * What a deployed function needs from its environment variables, checked without I/O: at a cold start
 * (cloud-entry.ts: a function that fails it answers "not configured" to every call) and before a deploy
 * (`npm run doctor`, scripts/doctor.ts). The local host does not use it: it runs on the development key
 * and stand-in template ids on purpose (cloudfunctions/_local/local-host.ts).
 *
 * Problems are Chinese sentences naming the variable, never quoting a secret.
 */
import type { Envelope } from '../../../types/envelope'
import { parseProductionKey } from '../adapters/aes-gcm.cipher'
import { readTemplateIds, type TemplateIds } from '../notify/templates'
import { MIN_SECRET_LENGTH } from './http-jobs.trigger'

export type MiniprogramState = 'developer' | 'trial' | 'formal'
const MINIPROGRAM_STATES: readonly MiniprogramState[] = ['developer', 'trial', 'formal']

/** Every variable the production wiring reads, required or not, in the order a report lists them. */
export const CHECKED_VARIABLES = [
  { name: 'PHONE_ENCRYPTION_KEY', required: true, meaning: '手机号加密密钥' },
  { name: 'SUBSCRIBE_TEMPLATE_IDS', required: true, meaning: '订阅消息模板 ID' },
  { name: 'MINIPROGRAM_STATE', required: false, meaning: '消息打开的小程序版本，默认 formal' },
  { name: 'WRITE_LIMIT_PER_MINUTE', required: false, meaning: '每人每个云函数每分钟写操作上限，默认 30' },
  { name: 'JOB_TRIGGER_SECRET', required: false, meaning: '通过 HTTP 访问服务运行定时任务的密钥（无定时触发器的环境）' },
] as const
export type CheckedVariable = (typeof CHECKED_VARIABLES)[number]['name']

export interface ConfigurationProblem {
  variable: CheckedVariable
  /** Chinese, without the variable's name: `${variable}：${problem}` is the sentence. */
  problem: string
}

/** What the production wiring is built from once the check passes: the checked values, not re-read. */
export interface ProductionConfiguration {
  phoneKey: Buffer
  templates: TemplateIds
  miniprogramState: MiniprogramState
}

export type ConfigurationCheck = { ok: true; configuration: ProductionConfiguration } | { ok: false; problems: ConfigurationProblem[] }

type Environment = Record<string, string | undefined>

/** The console drops a variable with an empty value (tools/function-runner/deployment.ts does too). */
const valueOf = (env: Environment, name: CheckedVariable): string | undefined => (env[name] === '' ? undefined : env[name])

export function checkConfiguration(env: Environment): ConfigurationCheck {
  const problems: ConfigurationProblem[] = []

  const key = parseProductionKey(valueOf(env, 'PHONE_ENCRYPTION_KEY'))
  if ('problem' in key) problems.push({ variable: 'PHONE_ENCRYPTION_KEY', problem: key.problem })

  const templates = readTemplateIds(valueOf(env, 'SUBSCRIBE_TEMPLATE_IDS'))
  if ('problems' in templates) for (const problem of templates.problems) problems.push({ variable: 'SUBSCRIBE_TEMPLATE_IDS', problem })

  // A typo would reach WeChat with every send and fail each one (subscribe.messenger.ts passes it on).
  const state = valueOf(env, 'MINIPROGRAM_STATE') ?? 'formal'
  if (!(MINIPROGRAM_STATES as readonly string[]).includes(state)) {
    problems.push({ variable: 'MINIPROGRAM_STATE', problem: `应为 ${MINIPROGRAM_STATES.join(' / ')} 之一（不设置即 formal）` })
  }

  // Number('30/min') is NaN, which write-limiter.ts would take as "no limit" without a word.
  const limit = valueOf(env, 'WRITE_LIMIT_PER_MINUTE')
  if (limit !== undefined && !/^\d{1,6}$/.test(limit)) {
    problems.push({ variable: 'WRITE_LIMIT_PER_MINUTE', problem: '应为不小于 0 的整数（0 表示不限制；不设置即 30）' })
  }

  // A short secret would be refused at every request (http-jobs.trigger.ts): say so before it matters.
  const secret = valueOf(env, 'JOB_TRIGGER_SECRET')
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
    problems.push({ variable: 'JOB_TRIGGER_SECRET', problem: `至少 ${MIN_SECRET_LENGTH} 个字符（可用 openssl rand -hex 32 生成）` })
  }

  if (problems.length > 0 || 'problem' in key || 'problems' in templates) return { ok: false, problems }
  return { ok: true, configuration: { phoneKey: key.key, templates: templates.ids, miniprogramState: state as MiniprogramState } }
}

/** One problem as the sentence a log line or the doctor prints. */
export const describeProblem = ({ variable, problem }: ConfigurationProblem): string => `${variable}：${problem}`

/**
 * What every call gets from a function whose environment failed the check: INTERNAL with a request id
 * to quote, as any server fault, and the stable reason NOT_CONFIGURED (types/envelope.ts) so it is not
 * mistaken for a passing one.
 */
export const NOT_CONFIGURED_MESSAGE = '服务配置未完成，请联系管理员'

export const notConfiguredReply = (requestId: string): Envelope<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: NOT_CONFIGURED_MESSAGE, requestId, reason: 'NOT_CONFIGURED' },
})
