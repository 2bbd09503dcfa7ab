/**
 * 矛盾苗头预警 on 数据看板: each live alert in words (where, which kind of problem, how many places and
 * reports since when) and the newest reports behind it, each one tap from its case page. The page
 * draws the reports (`renderCase`): a case row belongs to the cases feature.
 */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { CATEGORY_LABELS, type CaseSummary, type HotspotItem, type Level } from '../../../types'
import { dayLabel } from './months'
import './hotspots.css'

/** What the child orgs of an org at `level` are called. */
const CHILD_NOUN: Record<Level, string> = {
  village: '',
  township: '个村（社区）',
  county: '个乡镇（街道）',
  city: '个县（区）',
  province: '个市',
}

export function hotspotSentence(item: HotspotItem, windowDays: number): string {
  const category = `「${CATEGORY_LABELS[item.category]}」`
  if (item.rule === 'surge') {
    return `${item.orgName}近 ${windowDays} 天反映${category}问题 ${item.cases} 件，平时同期约 ${item.usual ?? 0} 件。`
  }
  const names = item.children.slice(0, 5).map((c) => c.name)
  const more = item.children.length > names.length ? '等' : ''
  return `${item.orgName}近 ${windowDays} 天有 ${item.villages} ${CHILD_NOUN[item.level]}反映${category}问题，共 ${item.cases} 件：${names.join('、')}${more}。`
}

interface Props {
  items: HotspotItem[]
  windowDays: number
  renderCase: (item: CaseSummary) => ReactNode
}

export function HotspotAlerts({ items, windowDays, renderCase }: Props) {
  if (items.length === 0) return null
  return (
    <View className="hotspots" role="alert" aria-label="矛盾苗头预警">
      <Text className="hotspots-title">⚠ 矛盾苗头预警（{items.length} 条）</Text>
      <Text className="hotspots-hint">同类问题集中出现，请及时研判，把矛盾化解在萌芽状态。</Text>
      {items.map((item) => (
        <View key={item.id} className="hotspot">
          <Text className="hotspot-text">{hotspotSentence(item, windowDays)}</Text>
          <Text className="hotspot-since">自 {dayLabel(item.since)} 起 · 最近的反映：</Text>
          {item.casesBehind.map((c) => renderCase(c))}
          {item.casesBehind.length === 0 && <Text className="muted">这些反映已转到上级办理，您暂时无法查看。</Text>}
        </View>
      ))}
    </View>
  )
}
