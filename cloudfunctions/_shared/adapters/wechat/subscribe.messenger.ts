/** Messenger on WeChat's subscribeMessage.send (wx-server-sdk openapi; the function's config.json lists the permission). */
import { SEND_TIMEOUT_MS, type Messenger, type SendResult } from '../../ports/messenger.port'

/** The platform's "call open API timeout" (wx-server-sdk's error table). */
const OPEN_API_TIMEOUT = -604102
/** Ours: the send did not answer within SEND_TIMEOUT_MS. */
const NO_ANSWER = -1

const unknown = (code: number, message: string): SendResult => ({ ok: false, unknown: true, code, message })

interface OpenApi {
  subscribeMessage: {
    send(args: {
      touser: string
      templateId: string
      page: string
      data: Record<string, { value: string }>
      miniprogramState: 'developer' | 'trial' | 'formal'
    }): Promise<{ errCode?: number; errMsg?: string }>
  }
}

/** `state` by environment: MINIPROGRAM_STATE=developer|trial|formal (default formal). */
export function subscribeMessenger(openapi: OpenApi, state = process.env.MINIPROGRAM_STATE ?? 'formal'): Messenger {
  return {
    send: async (message) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const noAnswer = new Promise<SendResult>((resolve) => {
        timer = setTimeout(() => resolve(unknown(NO_ANSWER, `no answer within ${SEND_TIMEOUT_MS} ms`)), SEND_TIMEOUT_MS)
      })
      try {
        return await Promise.race([noAnswer, sendOnce(openapi, state, message)])
      } finally {
        clearTimeout(timer)
      }
    },
  }
}

async function sendOnce(openapi: OpenApi, state: string, message: Parameters<Messenger['send']>[0]): Promise<SendResult> {
  try {
    const reply = await openapi.subscribeMessage.send({
      touser: message.openid,
      templateId: message.templateId,
      page: message.page.replace(/^\//, ''),
      data: Object.fromEntries(Object.entries(message.data).map(([k, value]) => [k, { value }])),
      miniprogramState: state as 'developer' | 'trial' | 'formal',
    })
    return !reply.errCode ? { ok: true } : { ok: false, code: reply.errCode, message: reply.errMsg ?? '' }
  } catch (error) {
    // The SDK throws for API errors, with errCode on the error.
    const e = error as { errCode?: number; errMsg?: string; message?: string }
    const text = e.errMsg ?? e.message ?? String(error)
    if (e.errCode === OPEN_API_TIMEOUT) return unknown(OPEN_API_TIMEOUT, text)
    return { ok: false, code: e.errCode ?? -1, message: text }
  }
}
