/**
 * What every call gets from a function whose environment failed the configuration check
 * (configuration.check.ts): INTERNAL with a request id to quote, as any server fault, and the stable
 * reason NOT_CONFIGURED (types/envelope.ts) so it is not mistaken for a passing one.
 */
import type { Envelope } from '../../../types/envelope'

export const NOT_CONFIGURED_MESSAGE = '服务配置未完成，请联系管理员'

export const notConfiguredReply = (requestId: string): Envelope<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: NOT_CONFIGURED_MESSAGE, requestId, reason: 'NOT_CONFIGURED' },
})
