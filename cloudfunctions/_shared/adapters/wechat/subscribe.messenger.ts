/** Messenger on WeChat's subscribeMessage.send (wx-server-sdk openapi; the function's config.json lists the permission). */
import type { Messenger } from '../../ports/messenger.port'

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
        return { ok: false, code: e.errCode ?? -1, message: e.errMsg ?? e.message ?? String(error) }
      }
    },
  }
}
