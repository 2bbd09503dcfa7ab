/**
 * 消息: every message about her cases and deliberations, whether or not WeChat carried it, grouped by
 * what it is about (a case's number and title) with the group of the newest message first.
 */
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MessageItem } from '../../../types'
import { useReloadOnReturn, useRemote } from '../../shared/use-remote'
import { useSubmit } from '../../shared/use-submit'
import { formatTime } from '../../shared/case-format'
import { refreshUnreadBadge } from '../../features/notify/unread-badge'
import { listMessages } from '../../features/notify/api/list-messages'
import { markMessagesRead } from '../../features/notify/api/mark-messages-read'
import { PageState } from '../../shared/remote-state'
import './index.css'
import { Page } from '../../shared/page'

/** The messages in groups by subject, each group where its newest message stands. */
function bySubject(items: MessageItem[]): { subject: string; items: MessageItem[] }[] {
  const groups = new Map<string, MessageItem[]>()
  for (const m of items) {
    const subject = m.subject ?? '其他消息'
    groups.set(subject, [...(groups.get(subject) ?? []), m])
  }
  return [...groups].map(([subject, grouped]) => ({ subject, items: grouped }))
}

export default function MessagesPage() {
  const remote = useRemote(() => listMessages(), [])
  const { data, error, reload } = remote
  useReloadOnReturn(reload)
  const { submit } = useSubmit()
  useEffect(() => {
    if (data) void refreshUnreadBadge(data.unread)
  }, [data])

  const open = async (message: MessageItem) => {
    if (!message.read) await submit(() => markMessagesRead({ messageIds: [message.id] }))
    void Taro.navigateTo({ url: message.page })
  }
  const readAll = () =>
    submit(async () => {
      await markMessagesRead({ all: true })
      await reload()
    })

  if (error || !data?.items.length) {
    return <PageState remote={remote} empty={{ title: '暂时没有消息', hint: '您反映的问题有进展时，会在这里通知您' }} />
  }
  return (
    <Page>
      {data.unread > 0 && (
        <View className="read-all tap" onClick={readAll}>
          <Text>{data.unread} 条未读 · 全部标为已读</Text>
        </View>
      )}
      {bySubject(data.items).map((group) => (
        <View key={group.subject} className="message-group" role="group" aria-label={group.subject}>
          <Text className="message-subject">{group.subject}</Text>
          {group.items.map((m) => (
            <View key={m.id} className={`card message ${m.read ? '' : 'message-unread'}`} onClick={() => open(m)}>
              <View className="message-head">
                {!m.read && <View className="message-dot" aria-label="未读" />}
                <Text className="message-title">{m.title}</Text>
              </View>
              <Text className="message-body">{m.body}</Text>
              <Text className="muted">
                {formatTime(m.createdAt)}
                {m.delivered ? ' · 已发送微信通知' : ''}
              </Text>
            </View>
          ))}
        </View>
      ))}
    </Page>
  )
}
