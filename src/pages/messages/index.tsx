/** 消息: every message about her cases and deliberations, newest first, whether or not WeChat carried it. */
import { useEffect } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MessageItem } from '../../../types'
import { showError } from '../../shared/cloud-error'
import { useRemote } from '../../shared/use-remote'
import { formatTime } from '../../shared/case-format'
import { refreshUnreadBadge } from '../../features/notify/unread-badge'
import { listMessages } from '../../features/notify/api/list-messages'
import { markMessagesRead } from '../../features/notify/api/mark-messages-read'
import { PageLoading, PageError } from '../../shared/page-status'
import './index.css'

export default function MessagesPage() {
  const { data, loading, error, reload } = useRemote(() => listMessages(), [])
  useDidShow(() => void reload())
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))
  useEffect(() => {
    if (data) void refreshUnreadBadge(data.unread)
  }, [data])

  const open = async (message: MessageItem) => {
    if (!message.read) {
      try {
        await markMessagesRead({ messageIds: [message.id] })
      } catch (e) {
        showError(e)
      }
    }
    void Taro.navigateTo({ url: message.page })
  }
  const readAll = async () => {
    try {
      await markMessagesRead({ all: true })
      await reload()
    } catch (e) {
      showError(e)
    }
  }

  if (loading && !data) return <PageLoading />
  if (error) {
    return <PageError message={error.message} onRetry={reload} />
  }
  if (!data || data.items.length === 0) {
    return (
      <View className="page">
        <View className="empty">
          <Text className="empty-title">暂时没有消息</Text>
          <Text className="muted">您反映的问题有进展时，会在这里通知您</Text>
        </View>
      </View>
    )
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
