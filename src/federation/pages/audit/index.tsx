/** 操作记录: who did what, when and where in my org's subtree — newest first, page by page. */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { AccountResults } from '../../../../types'
import { showError } from '../../../shared/cloud-error'
import { listAuditEntries } from '../../../features/account/api/list-audit-entries'
import { useRemote } from '../../../shared/use-remote'
import { BigButton } from '../../../shared/big-button'
import { formatTime, shortId } from '../../../shared/case-format'
import { PageLoading, PageError } from '../../../shared/page-status'

type Item = AccountResults['audit']['items'][number]

export default function AuditPage() {
  const first = useRemote(() => listAuditEntries(), [])
  const [more, setMore] = useState<Item[]>([])
  const [next, setNext] = useState<AccountResults['audit']['next'] | null>(null)
  const [busy, setBusy] = useState(false)
  const cursor = next === null ? first.data?.next : next

  const loadMore = async () => {
    if (!cursor) return
    setBusy(true)
    try {
      const page = await listAuditEntries({ before: cursor })
      setMore((m) => [...m, ...page.items])
      setNext(page.next)
    } catch (e) {
      showError(e)
    } finally {
      setBusy(false)
    }
  }

  if (first.loading && !first.data) return <PageLoading />
  if (first.error) {
    return <PageError message={first.error.message} onRetry={first.reload} />
  }
  const items = [...(first.data?.items ?? []), ...more]
  if (items.length === 0) {
    return (
      <View className="page">
        <View className="empty">
          <Text className="empty-title">还没有操作记录</Text>
          <Text className="muted">受理、办结、邀请成员等操作都会记录在这里</Text>
        </View>
      </View>
    )
  }
  return (
    <View className="page">
      {items.map((item) => (
        <View key={item.id} className="card">
          <Text className="section-title">{item.summary}</Text>
          <Text className="muted audit-line">
            {item.actor} · {item.orgName}
          </Text>
          <Text className="muted audit-line">
            {formatTime(item.at)}
            {item.targetType === 'case' ? ` · 反映编号 ${shortId(item.targetId)}` : ''}
          </Text>
        </View>
      ))}
      {cursor && (
        <BigButton loading={busy} onClick={loadMore}>
          加载更早的记录
        </BigButton>
      )}
    </View>
  )
}
