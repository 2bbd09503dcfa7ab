/**
 * 公告: the announcements of every org on her line — her village up to the province — pinned first,
 * then newest, the new ones marked; opening the page reads them (the marks go next time, and on 首页).
 * Cadres and conveners publish here (发布公告) at their own org and take down their org's (撤下).
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import type { Announcement } from '../../../types'
import { AnnouncementList } from '../../features/outreach/announcement-list'
import { PublishForm } from '../../features/outreach/publish-form'
import { listAnnouncements } from '../../features/outreach/api/list-announcements'
import { markAnnouncementsSeen } from '../../features/outreach/api/mark-announcements-seen'
import { retireAnnouncement } from '../../features/outreach/api/retire-announcement'
import { BigButton } from '../../shared/big-button'
import { confirmFirst } from '../../shared/confirm'
import { Page } from '../../shared/page'
import { EmptyState, PageState } from '../../shared/remote-state'
import { useRemote } from '../../shared/use-remote'
import { useSubmit } from '../../shared/use-submit'

export default function AnnouncementsPage() {
  const remote = useRemote(() => listAnnouncements(), [])
  const [writing, setWriting] = useState(false)
  const { submit } = useSubmit()
  const { data } = remote
  const unread = data?.unreadCount ?? 0
  // Shown with their marks as they were; then read. A failure only leaves the dots for next time.
  useEffect(() => {
    if (unread > 0) markAnnouncementsSeen().catch(() => undefined)
  }, [unread])

  const done = async (published: boolean) => {
    setWriting(false)
    if (!published) return
    void Taro.showToast({ title: '已发布', icon: 'success' })
    await remote.reload()
  }
  const retire = async (item: Announcement) => {
    const agreed = await confirmFirst({ title: '撤下这条公告', content: `撤下后，群众不再看到“${item.title}”，记录仍会保留。`, confirmText: '确定撤下', cancelText: '再想想' })
    if (!agreed) return
    await submit(async () => {
      await retireAnnouncement({ announcementId: item.id })
      void Taro.showToast({ title: '已撤下', icon: 'success' })
      await remote.reload()
    }, remote.reload)
  }

  if (remote.error || !data) return <PageState remote={remote} loadingText="正在读取公告…" />
  if (writing) {
    return (
      <Page>
        <PublishForm places={data.publishesAt} onDone={done} />
      </Page>
    )
  }
  return (
    <Page>
      {data.publishesAt.length > 0 && (
        <BigButton type="primary" onClick={() => setWriting(true)}>
          发布公告
        </BigButton>
      )}
      {data.items.length === 0 ? (
        <EmptyState
          title="还没有公告"
          hint={data.publishesAt.length > 0 ? '点“发布公告”，把政策、通知或活动告诉辖区的群众' : '本村和上级妇联发布政策、通知、活动后，会显示在这里；报一次事后，本村的公告也会送到这里'}
        />
      ) : (
        <>
          {unread > 0 && <Text className="notice">有 {unread} 条新公告，标有“未读”。</Text>}
          <AnnouncementList items={data.items} onRetire={retire} />
        </>
      )}
    </Page>
  )
}
