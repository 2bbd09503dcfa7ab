/** 操作记录: who did what, when and where in my org's subtree — newest first, page by page. */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { AccountResults } from '../../../../types'
import { listAuditEntries } from '../../../features/account/api/list-audit-entries'
import { useRemote } from '../../../shared/use-remote'
import { useSubmit } from '../../../shared/use-submit'
import { BigButton } from '../../../shared/big-button'
import { Card } from '../../../shared/card'
import { formatTime, shortId } from '../../../shared/case-format'
import { PageState } from '../../../shared/remote-state'

type Item = AccountResults['audit']['items'][number]

export default function AuditPage() {
  const first = useRemote(() => listAuditEntries(), [])
  const [more, setMore] = useState<Item[]>([])
  const [next, setNext] = useState<AccountResults['audit']['next'] | null>(null)
  const { busy, submit } = useSubmit()
  const cursor = next === null ? first.data?.next : next

  const loadMore = async () => {
    if (!cursor) return
    await submit(async () => {
      const page = await listAuditEntries({ before: cursor })
      setMore((m) => [...m, ...page.items])
      setNext(page.next)
    })
  }

  const items = [...(first.data?.items ?? []), ...more]
  if (first.error || items.length === 0) {
    return <PageState remote={first} empty={{ title: '还没有操作记录', hint: '受理、办结、邀请成员等操作都会记录在这里' }} />
  }
  return (
    <View className="page">
      {items.map((item) => (
        <Card key={item.id} title={item.summary}>
          <Text className="muted audit-line">
            {item.actor} · {item.orgName}
          </Text>
          <Text className="muted audit-line">
            {formatTime(item.at)}
            {item.targetType === 'case' ? ` · 反映编号 ${shortId(item.targetId)}` : ''}
          </Text>
        </Card>
      ))}
      {cursor && (
        <BigButton loading={busy} onClick={loadMore}>
          加载更早的记录
        </BigButton>
      )}
    </View>
  )
}
