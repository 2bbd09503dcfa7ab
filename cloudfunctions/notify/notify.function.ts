/** `notify`: which subscription templates to ask for, the credits she grants, her message centre. */
import { defineFunction } from '../_shared/handler/define-function'
import { invalidInput } from '../_shared/context/failures'
import { TEMPLATES, TEMPLATES_FOR_MOMENT } from '../_shared/notify/templates'
import type { MessageRecord } from '../_shared/ports/store.port'
import { deliverMessages } from '../_shared/notify/deliver'
import { forgetWriteCounts } from './forget-write-counts.job'

const CENTRE_SIZE = 200

const toItem = (m: MessageRecord) => ({
  id: m.id,
  kind: m.kind,
  title: m.title,
  body: m.body,
  page: m.page,
  createdAt: m.createdAt,
  read: m.readAt !== undefined,
  delivered: m.status === 'sent',
})

export const notifyFunction = defineFunction(
  'notify',
  {
    templates: async ({ deps }, { moment }) => {
      const keys = moment ? TEMPLATES_FOR_MOMENT[moment] : (Object.keys(TEMPLATES) as (keyof typeof TEMPLATES)[])
      return { items: keys.map((key) => ({ key, templateId: deps.templates[key], title: TEMPLATES[key].title })) }
    },

    subscribe: async ({ deps, openid }, { accepted }) => {
      const known = new Set(Object.values(deps.templates))
      const unknown = accepted.filter((id) => !known.has(id))
      if (unknown.length > 0) throw invalidInput('订阅的消息模板无效，请重试')
      // One credit per template per tap: the same id twice in one answer is still one tap.
      for (const templateId of new Set(accepted)) await deps.store.credits.grant(openid, templateId, 1)
      return { credits: await deps.store.credits.balance(openid) }
    },

    inbox: async ({ deps, openid }, { unreadOnly }) => {
      const all = await deps.store.messages.forRecipient(openid, CENTRE_SIZE)
      const unread = all.filter((m) => m.readAt === undefined).length
      return { items: (unreadOnly ? all.filter((m) => m.readAt === undefined) : all).map(toItem), unread }
    },

    markRead: async ({ deps, openid, now }, { messageIds, all }) => {
      if (!all && (!messageIds || messageIds.length === 0)) throw invalidInput('请选择要标记的消息')
      const mine = await deps.store.messages.forRecipient(openid, CENTRE_SIZE)
      const wanted = all ? null : new Set(messageIds)
      for (const message of mine) {
        // Only her own messages: an id of someone else's is silently not hers to mark.
        if (message.readAt === undefined && (!wanted || wanted.has(message.id))) {
          await deps.store.messages.put({ ...message, readAt: now })
        }
      }
      const unread = (await deps.store.messages.forRecipient(openid, CENTRE_SIZE)).filter((m) => m.readAt === undefined).length
      return { unread }
    },
  },
  {
    deliver: (ctx) => deliverMessages(ctx),
    // The timer that runs every minute: the write limit's counts last little longer than their minute.
    forgetWriteCounts,
  },
)
