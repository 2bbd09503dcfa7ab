/** The story of a case, newest first: what happened, where (level and org, never the person), when. */
import { Text, View } from '@tarojs/components'
import type { TimelineItem } from '../../../types'
import { formatTime } from '../../shared/case-format'
import './case-timeline.css'

export function CaseTimeline({ items }: { items: TimelineItem[] }) {
  const newestFirst = [...items].reverse()
  return (
    <View className="timeline">
      {newestFirst.map((item, i) => (
        <View key={`${item.at}-${i}`} className={`timeline-item ${i === 0 ? 'timeline-latest' : ''}`}>
          <View className="timeline-dot" />
          <View className="timeline-content">
            <Text className="timeline-text">{item.text}</Text>
            <Text className="timeline-time">{formatTime(item.at)}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
