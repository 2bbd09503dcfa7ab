/** 消息: every message about her cases and deliberations, newest first, whether or not WeChat carried it. */
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
    <View className="page">
      {data.unread > 0 && (
        <View className="read-all tap" onClick={readAll}>
          <Text>{data.unread} 条未读 · 全部标为已读</Text>
        </View>
      )}
      {data.items.map((m) => (
        <View key={m.id} className={`card message ${m.read ? '' : 'message-unread'}`} onClick={() => open(m)}>
          <View className="message-head">
            {!m.read && <View className="message-dot" />}
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
  )
}
