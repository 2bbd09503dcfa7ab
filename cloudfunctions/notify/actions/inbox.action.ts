/** `notify.inbox` (消息中心): her latest messages, newest first (or only the unread), and how many are unread. */
import { caseNumber } from '../../../types/case.contract'
import { defineAction } from '../../_shared/handler/action'
import type { MessageRecord } from '../../_shared/ports/store.port'
import { CENTRE_SIZE } from '../message-centre'

/** Messages stored before they carried their subject still name their case by its number. */
const subjectOf = (m: MessageRecord) => m.subject ?? (m.caseId ? caseNumber(m.caseId) : undefined)

const toItem = (m: MessageRecord) => ({
  id: m.id,
  kind: m.kind,
  ...(subjectOf(m) && { subject: subjectOf(m) }),
  title: m.title,
  body: m.body,
  page: m.page,
  createdAt: m.createdAt,
  read: m.readAt !== undefined,
  delivered: m.status === 'sent',
})

export const inbox = defineAction({
  fn: 'notify', name: 'inbox', kind: 'read', authorization: [],
  run: async ({ deps, openid }, { unreadOnly }) => {
    const all = await deps.store.messages.forRecipient(openid, CENTRE_SIZE)
    const unread = all.filter((m) => m.readAt === undefined).length
    return { items: (unreadOnly ? all.filter((m) => m.readAt === undefined) : all).map(toItem), unread }
  },
})
