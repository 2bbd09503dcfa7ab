/**
 * An announcement's heading: the unread dot with the word 未读 (colour is never the only sign), the kind
 * chip (政策 / 通知 / 活动), 置顶, the title, and who published it when.
 */
import { Text, View } from '@tarojs/components'
import { ANNOUNCEMENT_KIND_LABELS, LEVEL_LABELS, type Announcement } from '../../../types'
import { formatTime } from '../../shared/case-format'
import '../../shared/chip.css'
import './outreach.css'

const KIND_TONE = { policy: 'chip-brand', notice: 'chip-ok', activity: 'chip-warn' } as const

export function AnnouncementHead({ item }: { item: Announcement }) {
  return (
    <View>
      <View className="ann-head">
        {item.unread && <View className="ann-dot" aria-hidden />}
        {item.unread && <Text className="chip chip-danger">未读</Text>}
        <Text className={`chip ${KIND_TONE[item.kind]}`}>{ANNOUNCEMENT_KIND_LABELS[item.kind]}</Text>
        {item.pinned && <Text className="chip chip-muted">置顶</Text>}
      </View>
      <Text className="ann-title">{item.title}</Text>
      <Text className="muted ann-line">
        {item.orgName}（{LEVEL_LABELS[item.level]}）· {formatTime(item.publishedAt)}
      </Text>
    </View>
  )
}
