/** 我的反映: every case she reported, newest first, with where it is and what it waits for. */
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS } from '../../../types'
import { useRemote } from '../../shared/use-remote'
import { listMyCases } from '../../features/cases/api/list-my-cases'
import { StatusChip } from '../../shared/status-chip'
import { formatTime } from '../../shared/case-format'
import { useUnreadBadge } from '../../features/notify/unread-badge'
import { PageLoading, PageError } from '../../shared/page-status'
import './index.css'

export default function MyCasesPage() {
  const { data, loading, error, reload } = useRemote(() => listMyCases().then((r) => r.items), [])
  useDidShow(() => void reload())
  useUnreadBadge()
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))

  if (loading && !data) return <PageLoading />
  if (error) {
    return <PageError message={error.message} onRetry={reload} />
  }
  if (!data || data.length === 0) {
    return (
      <View className="page">
        <View className="empty" onClick={() => Taro.navigateTo({ url: '/pages/report/index' })}>
          <Text className="empty-title">您还没有反映过问题</Text>
          <Text className="muted">点击这里，一分钟提交您的问题、诉求或建议</Text>
        </View>
      </View>
    )
  }
  return (
    <View className="page">
      {data.map((item) => (
        <View key={item.id} className="card case-card" onClick={() => Taro.navigateTo({ url: `/pages/case/index?id=${item.id}` })}>
          <View className="title-row">
            <Text className="case-card-title">{item.title}</Text>
            <StatusChip status={item.status} overdue={item.overdue} />
          </View>
          <Text className="muted">
            {item.holderOrgName}（{LEVEL_LABELS[item.level]}） · {formatTime(item.updatedAt)}
          </Text>
        </View>
      ))}
    </View>
  )
}
