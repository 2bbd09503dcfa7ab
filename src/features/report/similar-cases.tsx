/**
 * 本村已有类似反映: once she has picked the village and the category, the open cases there anyone may
 * follow, each with 我也遇到 (one tap, one question) — she follows it and hears its progress — and she
 * can still write her own below. Nothing is shown when there are none (or the list cannot be read:
 * her own report matters more than the offer).
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Category, SimilarCase } from '../../../types'
import { Card } from '../../shared/card'
import { BigButton } from '../../shared/big-button'
import { StatusChip } from '../../shared/status-chip'
import { confirmFirst } from '../../shared/confirm'
import { useSubmit } from '../../shared/use-submit'
import { listSimilarCases } from '../../shared/api/list-similar-cases'
import { meToo } from './api/me-too'
import './similar-cases.css'

interface Props {
  villageId?: string
  category?: Category
}

export function SimilarCases({ villageId, category }: Props) {
  const [items, setItems] = useState<SimilarCase[]>([])
  const { busy, submit } = useSubmit()

  useEffect(() => {
    setItems([])
    if (!villageId || !category) return
    let live = true
    listSimilarCases({ villageId, category }).then(
      (r) => live && setItems(r.items),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [villageId, category])

  if (items.length === 0) return null

  const follow = async (item: SimilarCase) => {
    const agreed = await confirmFirst({
      title: '我也遇到',
      content: `关注“${item.title}”？办理有进展会告诉您，别人看不到是您。`,
      confirmText: '我也遇到',
    })
    if (!agreed) return
    const done = await submit(() => meToo({ caseId: item.id }))
    if (!done) return
    setItems((list) => list.map((c) => (c.id === item.id ? { ...c, following: true, supporters: done.supporters } : c)))
    void Taro.showToast({ title: '已记下，进展会告诉您', icon: 'none' })
  }

  return (
    <Card title="本村已有类似反映">
      <Text className="muted similar-hint">如果是同一件事，点“我也遇到”就行；不一样的话，继续往下写您的反映。</Text>
      {items.map((item) => (
        <View key={item.id} className="similar-case">
          <View className="title-row">
            <Text className="row-title">{item.title}</Text>
            <StatusChip status={item.status} overdue={false} />
          </View>
          <Text className="muted similar-line">
            #{item.number} · {item.holderOrgName} · {item.daysOpen === 0 ? '今天提交' : `已 ${item.daysOpen} 天`}
            {item.supporters > 0 ? ` · ${item.supporters} 人也反映` : ''}
          </Text>
          {item.mine ? (
            <Text className="similar-mark">我的反映</Text>
          ) : item.following ? (
            <Text className="similar-mark">✓ 已关注，进展会告诉您</Text>
          ) : (
            <BigButton className="similar-button" disabled={busy} onClick={() => void follow(item)}>
              我也遇到
            </BigButton>
          )}
        </View>
      ))}
    </Card>
  )
}
