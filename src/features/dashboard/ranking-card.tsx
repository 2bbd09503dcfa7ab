/**
 * One child org on the month's scorecard, as a card a woman of sixty reads on a phone: its rank in a
 * large badge, its name, its score, and each rate in words ("—" where nothing was there to measure).
 */
import { Text, View } from '@tarojs/components'
import type { RankingItem } from '../../../types'
import { percent } from './figures'
import './ranking.css'

interface Props {
  item: RankingItem
  /** Opens the child's own scorecard (its children); absent for a village. */
  onOpen?: () => void
}

export function RankingCard({ item, onOpen }: Props) {
  const rates: [string, number | null][] = [
    ['响应率', item.responseRate],
    ['解决率', item.solveRate],
    ['满意率', item.satisfactionRate],
    ['按时办结率', item.onTimeRate],
  ]
  return (
    <View className={`card rank-card ${onOpen ? 'tap-card' : ''}`} onClick={onOpen} aria-label={`第${item.rank}名 ${item.name}`}>
      <View className="rank-head">
        <Text className={`rank-badge ${item.rank <= 3 && item.score !== null ? 'rank-top' : ''}`}>{item.rank}</Text>
        <Text className="rank-name">{item.name}</Text>
        <View className="rank-score">
          <Text className="rank-score-value">{item.score === null ? '—' : item.score.toFixed(1)}</Text>
          <Text className="muted">综合得分</Text>
        </View>
      </View>
      <View className="rank-rates">
        {rates.map(([label, value]) => (
          <View key={label} className="rank-rate">
            <Text className="rank-rate-label">{label}</Text>
            <Text className="rank-rate-value">{percent(value)}</Text>
          </View>
        ))}
      </View>
      <Text className="muted rank-line">
        本月反映 {item.cases} 件 · 被催办 {item.urged} 次{item.kbUpdates > 0 ? ` · 更新标准答复 ${item.kbUpdates} 条` : ''}
        {item.score === null ? ' · 本月暂无可计分的办理' : ''}
      </Text>
      {onOpen && <Text className="rank-more">查看下级排名 ›</Text>}
    </View>
  )
}
