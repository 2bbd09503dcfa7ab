/**
 * 首页's 最新公告: the latest few announcements of her line (pinned first), each with its unread mark;
 * a tap anywhere opens the whole list, where they are read. Reading here leaves the marks alone.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Card } from '../../shared/card'
import { EmptyState, RemoteState } from '../../shared/remote-state'
import { useReloadOnReturn, useRemote } from '../../shared/use-remote'
import { AnnouncementHead } from './announcement-head'
import { listAnnouncements } from './api/list-announcements'

const SHOWN = 3
export const ANNOUNCEMENTS_PAGE = '/pages/announcements/index'

export function LatestAnnouncements() {
  const remote = useRemote(() => listAnnouncements({ limit: SHOWN }), [])
  useReloadOnReturn(remote.reload)
  const { data } = remote
  const open = () => void Taro.navigateTo({ url: ANNOUNCEMENTS_PAGE })
  return (
    <Card title={data && data.unreadCount > 0 ? `最新公告（${data.unreadCount} 条未读）` : '最新公告'} className="latest-announcements">
      {!data && <RemoteState remote={remote} loadingText="正在读取公告…" />}
      {data && data.items.length === 0 && (
        <EmptyState title="还没有公告" hint="本村和上级妇联发布的政策、通知、活动会显示在这里" onTap={open} />
      )}
      {data && data.items.length > 0 && (
        <View onClick={open} role="link" aria-label="查看全部公告">
          {data.items.map((item, i) => (
            <View key={item.id} className={`ann-item ${i > 0 ? 'ann-next' : ''}`}>
              <AnnouncementHead item={item} />
            </View>
          ))}
          <Text className="ann-more">查看全部公告 ›</Text>
        </View>
      )}
    </Card>
  )
}
