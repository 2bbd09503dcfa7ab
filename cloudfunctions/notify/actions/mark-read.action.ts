/** `notify.markRead` (标为已读): marks the messages she picked, or all of hers, read; answers how many are still unread. */
import { defineAction } from '../../_shared/handler/action'
import { invalidInput } from '../../_shared/context/failures'
import { CENTRE_SIZE } from '../message-centre'

export const markRead = defineAction({
  fn: 'notify', name: 'markRead', kind: 'write', authorization: [],
  run: async ({ deps, openid, now }, { messageIds, all }) => {
    if (!all && (!messageIds || messageIds.length === 0)) throw invalidInput('请选择要标记的消息')
    const mine = await deps.store.messages.forRecipient(openid, CENTRE_SIZE)
    const wanted = all ? null : new Set(messageIds)
    for (const message of mine) {
      // Only her own messages: an id of someone else's is silently not hers to mark.
      if (message.readAt === undefined && (!wanted || wanted.has(message.id))) {
        // The read mark alone: a put of what forRecipient read would also write back its delivery
        // fields, undoing a claim made since (a sending message back to pending: sent twice).
        await deps.store.messages.markRead(message.id, now)
      }
    }
    const unread = (await deps.store.messages.forRecipient(openid, CENTRE_SIZE)).filter((m) => m.readAt === undefined).length
    return { unread }
  },
})
