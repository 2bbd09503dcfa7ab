/**
 * ShareCards on WeChat's updatable messages (wx-server-sdk openapi.updatableMessage; the function's
 * config.json lists both permissions). createActivityId answers `{ activityId, expirationTime }`
 * (camel-cased by the SDK); setUpdatableMsg takes `{ activityId, targetState, templateInfo: {
 * parameterList } }`, snake-cased by the SDK on the way (activity_id, target_state, template_info.
 * parameter_list). The SDK throws WeChat's refusals with errCode on the error. docs/deploy.md cites the
 * API pages.
 */
import type { CardUpdate } from '../../domain/deliberation.card'
import type { CardUpdateResult, ShareCards } from '../../ports/share-cards.port'

interface UpdatableMessageApi {
  updatableMessage: {
    createActivityId(args: Record<string, never>): Promise<{ activityId?: string; expirationTime?: number; errCode?: number; errMsg?: string }>
    setUpdatableMsg(args: {
      activityId: string
      targetState: number
      templateInfo: { parameterList: { name: string; value: string }[] }
    }): Promise<{ errCode?: number; errMsg?: string }>
  }
}

/**
 * expiration_time is documented as a timestamp without a unit; WeChat's timestamps are seconds. One
 * that reads as milliseconds is taken as such rather than as a date 50 000 years away.
 */
export function expiryOf(expirationTime: number): string {
  return new Date(expirationTime < 1e12 ? expirationTime * 1000 : expirationTime).toISOString()
}

export function updatableMessageShareCards(openapi: UpdatableMessageApi): ShareCards {
  return {
    issue: async () => {
      const reply = await openapi.updatableMessage.createActivityId({})
      if (reply.errCode || !reply.activityId || typeof reply.expirationTime !== 'number') {
        throw new Error(`createActivityId gave no activity id (${reply.errCode ?? 'no code'} ${reply.errMsg ?? ''})`)
      }
      return { activityId: reply.activityId, expiresAt: expiryOf(reply.expirationTime) }
    },
    update: async (activityId: string, update: CardUpdate): Promise<CardUpdateResult> => {
      try {
        const reply = await openapi.updatableMessage.setUpdatableMsg({
          activityId,
          targetState: update.targetState,
          templateInfo: { parameterList: update.parameters.map(({ name, value }) => ({ name, value })) },
        })
        return !reply.errCode ? { ok: true } : { ok: false, code: reply.errCode, message: reply.errMsg ?? '' }
      } catch (error) {
        const e = error as { errCode?: number; errMsg?: string; message?: string }
        return { ok: false, code: e.errCode ?? -1, message: e.errMsg ?? e.message ?? String(error) }
      }
    },
  }
}
