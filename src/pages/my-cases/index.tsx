/**
 * 我的反映: her own village at the top (我的村（社区）: whose announcements and surveys reach her), then
 * every case she reported, newest first, with where it is, and a dot on those waiting for her rating;
 * then 我也反映, the cases she follows (我也遇到), each opening read-only.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS } from '../../../types'
import { useReloadOnReturn, useRemote } from '../../shared/use-remote'
import { formatTime } from '../../shared/case-format'
import { PageState, type EmptyNote } from '../../shared/remote-state'
import { listMyCases } from '../../features/cases/api/list-my-cases'
import { CaseRow } from '../../features/cases/case-row'
import { useUnreadBadge } from '../../features/notify/unread-badge'
import { ElderModeSwitch } from '../../shared/elder-mode-switch'
import { Page } from '../../shared/page'
import { useMe } from '../../features/account/use-me'
import { HomeVillageCard } from '../../features/account/home-village-card'
import { VillagePicker } from '../../features/report/village-picker'
import { Card } from '../../shared/card'

const NOTHING_REPORTED: EmptyNote = {
  title: '您还没有反映过问题',
  hint: '点击这里，一分钟提交您的问题、诉求或建议',
  onTap: () => void Taro.navigateTo({ url: '/pages/report/index' }),
}

export default function MyCasesPage() {
  const remote = useRemote(() => listMyCases().then((r) => [...r.items, ...r.following]), [])
  const mine = remote.data?.filter((item) => !item.supporting) ?? []
  const followed = remote.data?.filter((item) => item.supporting) ?? []
  const { data, error, reload } = remote
  useReloadOnReturn(reload)
  useUnreadBadge()
  const me = useMe()
  const village = me.data && (
    <HomeVillageCard
      me={me.data}
      onChanged={me.reload}
      picker={(pick) => <VillagePicker value={me.data?.homeOrgId ? { id: me.data.homeOrgId, name: me.data.homeOrgName ?? '' } : undefined} onChange={pick} />}
    />
  )

  if (error || !data?.length)
    return (
      <PageState remote={remote} empty={NOTHING_REPORTED}>
        {village}
        <ElderModeSwitch />
      </PageState>
    )
  return (
    <Page>
      {village}
      {mine.map((item) => (
        <CaseRow key={item.id} item={item} info={`${item.holderOrgName}（${LEVEL_LABELS[item.level]}） · ${formatTime(item.updatedAt)}`}>
          {/* Resolved and hers: it waits for her answer (评价), and says so before she opens it. */}
          {item.status === 'resolved' && (
            <View className="waits-for-her">
              <View className="waits-dot" aria-hidden />
              <Text>办好了，请您评价</Text>
            </View>
          )}
        </CaseRow>
      ))}
      {followed.length > 0 && (
        <Card title="我也反映">
          <Text className="muted">您点了“我也遇到”的反映，办理进展会告诉您。</Text>
        </Card>
      )}
      {followed.map((item) => (
        <CaseRow key={`followed-${item.id}`} item={item} info={`我也反映 · ${item.holderOrgName}（${LEVEL_LABELS[item.level]}） · ${formatTime(item.updatedAt)}`} />
      ))}
      <ElderModeSwitch />
    </Page>
  )
}
