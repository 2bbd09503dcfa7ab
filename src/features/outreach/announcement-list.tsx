/** The whole list: each announcement's heading and its full text; 撤下 on those she may take down. */
import { Text, View } from '@tarojs/components'
import type { Announcement } from '../../../types'
import { BigButton } from '../../shared/big-button'
import { AnnouncementHead } from './announcement-head'
import './outreach.css'

interface Props {
  items: Announcement[]
  onRetire: (item: Announcement) => void
}

export function AnnouncementList({ items, onRetire }: Props) {
  return (
    <View>
      {items.map((item) => (
        <View key={item.id} className="card announcement">
          <AnnouncementHead item={item} />
          <Text className="as-written ann-body">{item.body}</Text>
          {item.retirable && <BigButton onClick={() => onRetire(item)}>撤下</BigButton>}
        </View>
      ))}
    </View>
  )
}
