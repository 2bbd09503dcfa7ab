/**
 * 月度排名: the month's scorecard of an org's children (its villages, for a township) — a card each
 * with its rank, score and rates — a month picker, the weights the score uses, and the 通报 as a CSV
 * for Excel. Tapping a child that has children opens its own scorecard for the same month.
 */
import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS } from '../../../../types'
import { useRemote } from '../../../shared/use-remote'
import { useSubmit } from '../../../shared/use-submit'
import { BigButton } from '../../../shared/big-button'
import { EmptyState, PageState } from '../../../shared/remote-state'
import { Page } from '../../../shared/page'
import { useMe } from '../../../features/account/use-me'
import { getRanking } from '../../../features/dashboard/api/get-ranking'
import { exportRankingCsv } from '../../../features/dashboard/api/export-ranking-csv'
import { saveCsv } from '../../../features/dashboard/export-csv'
import { MonthPicker } from '../../../features/dashboard/month-picker'
import { RankingCard } from '../../../features/dashboard/ranking-card'
import { chinaMonthOf, monthLabel } from '../../../features/dashboard/months'
import { seniorStatsOrg } from '../../../features/dashboard/stats-org'

export default function RankingPage() {
  const params = useRouter().params
  const me = useMe()
  const orgId = params.orgId ?? seniorStatsOrg(me.data?.roles)
  // The month the address names, else the server's current one (the phone's clock may be wrong).
  const [month, setMonth] = useState(params.month)
  const remote = useRemote(() => (orgId ? getRanking({ orgId, ...(month && { month }) }) : Promise.resolve(undefined)), [orgId, month])
  const { data, error, reload } = remote
  const { busy: exporting, submit } = useSubmit()
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))

  if (error || !data) {
    const loading = { ...remote, loading: remote.loading || me.loading }
    return <PageState remote={loading} missing="没有可查看的排名" loadingText="正在计算排名…" />
  }

  const latest = chinaMonthOf(data.asOf)
  const { response, solve, satisfaction } = data.weights
  const total = response + solve + satisfaction || 1
  const share = (w: number) => `${Math.round((w / total) * 100)}%`
  const exportBulletin = () =>
    submit(async () => {
      const file = await exportRankingCsv({ orgId: data.org.id, month: data.month })
      await saveCsv(file.filename, file.csv)
      void Taro.showToast({ title: `已导出 ${file.rows} 个单位的通报`, icon: 'none' })
    })

  return (
    <Page>
      <View className="card">
        <Text className="title">
          {data.org.name}（{LEVEL_LABELS[data.org.level]}）下级单位 {monthLabel(data.month)} 排名
        </Text>
        <Text className="muted rank-weights">
          综合得分 = 响应率 {share(response)} + 解决率 {share(solve)} + 满意率 {share(satisfaction)}；响应率指 24 小时内受理的比例。
        </Text>
      </View>
      <MonthPicker value={data.month} latest={latest > data.month ? latest : data.month} onChange={setMonth} />
      {data.items.length === 0 ? (
        <EmptyState className="card" title="没有下级单位" hint="村（社区）没有下级，排名从乡镇（街道）看起" />
      ) : (
        data.items.map((item) => (
          <RankingCard
            key={item.orgId}
            item={item}
            onOpen={item.level === 'village' ? undefined : () => Taro.navigateTo({ url: `/federation/pages/ranking/index?orgId=${item.orgId}&month=${data.month}` })}
          />
        ))
      )}
      {data.items.length > 0 && (
        <BigButton loading={exporting} onClick={exportBulletin}>
          导出本月通报（Excel 可打开）
        </BigButton>
      )}
    </Page>
  )
}
