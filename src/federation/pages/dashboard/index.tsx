/**
 * 数据看板: an org's whole subtree at a glance — its 矛盾苗头预警 first (each with the reports behind
 * it); the chosen months (默认 the last six) with their figures and the trend by month, from the
 * monthly counters; then what stands 截至今天: cases by status and category, where they were resolved
 * (小事不出村 / 大事不出乡镇), on-time and satisfaction rates, escalation by level — each figure of
 * cases a tap from the cases behind it (federation/pages/cases) — with the child orgs to drill into,
 * the month's scorecard of its children (月度排名), and the cases as a CSV for Excel.
 */
import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CATEGORIES,
  CATEGORY_LABELS,
  LEVEL_LABELS,
  LEVELS,
  type CaseSummary,
} from '../../../../types'
import { useRemote } from '../../../shared/use-remote'
import { useSubmit } from '../../../shared/use-submit'
import { BigButton } from '../../../shared/big-button'
import { useMe } from '../../../features/account/use-me'
import { getStatsOverview } from '../../../features/dashboard/api/get-stats-overview'
import { exportCasesCsv } from '../../../features/dashboard/api/export-cases-csv'
import { BarChart } from '../../../features/dashboard/bar-chart'
import { hours, percent, townshipRate, villageRate } from '../../../features/dashboard/figures'
import { saveCsv } from '../../../features/dashboard/export-csv'
import { listHotspots } from '../../../features/dashboard/api/list-hotspots'
import { HotspotAlerts } from '../../../features/dashboard/hotspot-alerts'
import { chinaMonthOf } from '../../../features/dashboard/months'
import { seniorStatsOrg } from '../../../features/dashboard/stats-org'
import { getStatsTrend } from '../../../features/dashboard/api/get-stats-trend'
import { RangePicker } from '../../../features/dashboard/range-picker'
import { TrendChart } from '../../../features/dashboard/trend-chart'
import { casesUrl, defaultRange, rangeLabel, type Figure, type MonthRange } from '../../../features/dashboard/drill'
import { CaseRow } from '../../../features/cases/case-row'
import { caseNumber, formatTime } from '../../../shared/case-format'
import { EmptyState, PageState, RemoteState } from '../../../shared/remote-state'
import { Card } from '../../../shared/card'
import './index.css'
import { Page } from '../../../shared/page'

/** A figure; with `onTap`, a button that opens the cases behind it. */
function Tile({ label, value, onTap }: { label: string; value: string | number; onTap?: () => void }) {
  return (
    <View
      className={`tile ${onTap ? 'tile-tap' : ''}`}
      {...(onTap && { role: 'button', 'aria-label': `${label} ${value}，查看这些反映`, onClick: onTap })}
    >
      <Text className="tile-value">
        {value}
        {onTap ? ' ›' : ''}
      </Text>
      <Text className="tile-label">{label}</Text>
    </View>
  )
}

/** A report behind an alert: what it is and where it is now; a tap opens it. */
function AlertCase({ item, now }: { item: CaseSummary; now: string }) {
  return <CaseRow key={item.id} item={item} now={now} info={`编号 ${caseNumber(item.id)} · ${formatTime(item.submittedAt, now)} · ${item.holderOrgName}（${LEVEL_LABELS[item.level]}）`} />
}

export default function DashboardPage() {
  const param = useRouter().params.orgId
  const me = useMe()
  // Without an org in the address: the most senior org the caller is bound to.
  const orgId = param ?? seniorStatsOrg(me.data?.roles)
  const remote = useRemote(() => (orgId ? getStatsOverview({ orgId }) : Promise.resolve(undefined)), [orgId])
  const { data, error, reload } = remote
  // The warnings come apart: the figures show even if they fail.
  const alerts = useRemote(() => (orgId ? listHotspots({ orgId }) : Promise.resolve(undefined)), [orgId])
  // The months: hers once she picks them, else the last six by the server's month (the phone's clock may be wrong).
  const [picked, setPicked] = useState<MonthRange>()
  const latest = data ? chinaMonthOf(data.asOf) : undefined
  const range = picked ?? (latest ? defaultRange(latest) : undefined)
  const trend = useRemote(() => (orgId && range ? getStatsTrend({ orgId, ...range }) : Promise.resolve(undefined)), [orgId, range?.from, range?.to])
  const { busy: exporting, submit } = useSubmit()
  usePullDownRefresh(() => void Promise.all([reload(), alerts.reload(), trend.reload()]).finally(() => Taro.stopPullDownRefresh()))

  const exportCases = async () => {
    if (!orgId) return
    await submit(async () => {
      const file = await exportCasesCsv({ orgId })
      await saveCsv(file.filename, file.csv)
      void Taro.showToast({ title: file.truncated ? `已导出前 ${file.maxRows} 条，请缩小日期范围` : `已导出 ${file.rows} 条`, icon: 'none' })
    })
  }

  if (error || !data) {
    // Until her own org is known (account.me), there is nothing to count yet.
    const counting = { ...remote, loading: remote.loading || me.loading }
    return <PageState remote={counting} missing="没有可查看的数据" loadingText="正在统计…" />
  }

  const f = data
  // A figure of the chosen months lists their cases; one of 截至今天 lists all, offering the months.
  const open = (figure: Figure, within?: MonthRange) =>
    void Taro.navigateTo({ url: casesUrl(f.org.id, figure, within, within ? undefined : range) })
  const t = trend.data
  return (
    <Page>
      <View className="card">
        <Text className="title">
          {f.org.name}（{LEVEL_LABELS[f.org.level]}）
        </Text>
        <Text className="muted dash-sub">含下辖全部单位 · 截至最近一次办理</Text>
      </View>
      {alerts.data && (
        <HotspotAlerts
          items={alerts.data.items}
          windowDays={alerts.data.windowDays}
          renderCase={(c) => <AlertCase key={c.id} item={c} now={alerts.data!.asOf} />}
        />
      )}
      {range && latest && (
        <View className="card">
          <Text className="section-title">{rangeLabel(range)}（随所选月份）</Text>
          <RangePicker value={range} latest={latest} onChange={setPicked} />
          <Text className="muted dash-note">
            反映数含下辖全部单位；受理、办结、评价算本级和下级办理的（转到上级办结的，算在上级）。点「反映」可看这些反映。
          </Text>
        </View>
      )}
      {t && range ? (
        <View>
          <View className="tiles">
            <Tile label="反映" value={t.total.submitted} onTap={() => open({}, range)} />
            <Tile label="受理" value={t.total.accepted} />
            <Tile label="办结" value={t.total.resolved} />
            <Tile label="评价" value={t.total.ratings} />
            <Tile label="满意率" value={percent(t.total.satisfactionRate)} />
            <Tile label="解决率" value={percent(t.total.solveRate)} />
            <Tile label="按时办结率" value={percent(t.total.onTimeRate)} />
            <Tile label="响应率" value={percent(t.total.responseRate)} />
          </View>
          <Card title="每月反映与办结">
            <TrendChart months={t.months} />
          </Card>
        </View>
      ) : (
        <RemoteState remote={trend} loadingText="正在统计各月数据…" />
      )}
      <View className="card">
        <Text className="section-title">截至今天（不随所选月份变化）</Text>
        <Text className="muted dash-note">全部时间的累计。点带 › 的数字或一行，可看背后的反映。</Text>
      </View>
      <View className="tiles">
        <Tile label="反映总数" value={f.cases.total} onTap={() => open({})} />
        <Tile label="小事不出村" value={percent(villageRate(f))} />
        <Tile label="大事不出乡镇" value={percent(townshipRate(f))} />
        <Tile label="按时办结率" value={percent(f.onTimeRate)} />
        <Tile label="解决率" value={percent(f.solveRate)} />
        <Tile label="满意率" value={percent(f.satisfactionRate)} />
        <Tile label="平均办结用时" value={hours(f.avgHoursToResolve)} />
        <Tile label="议事次数" value={f.deliberations} />
        <Tile label="议事会" value={f.councils} />
        <Tile label="议事会成员" value={f.members} />
      </View>
      {f.cases.total === 0 ? (
        <EmptyState className="card" title="还没有反映" hint="群众提交反映后，这里会显示办理情况" />
      ) : (
        <View>
          <Card title="办理状态">
            <BarChart bars={CASE_STATUSES.map((s) => ({ label: CASE_STATUS_LABELS[s], value: f.cases.byStatus[s] }))} onPick={(i) => open({ status: CASE_STATUSES[i] })} />
            <View className="child-row tap" role="button" aria-label="查看超期未办结的反映" onClick={() => open({ overdue: true })}>
              <Text>超期未办结的反映</Text>
              <Text className="muted">查看 ›</Text>
            </View>
          </Card>
          <Card title="问题类别">
            <BarChart bars={CATEGORIES.map((c) => ({ label: CATEGORY_LABELS[c], value: f.cases.byCategory[c] }))} onPick={(i) => open({ category: CATEGORIES[i] })} />
          </Card>
          <Card title="在哪一级办结">
            <BarChart bars={LEVELS.map((l) => ({ label: LEVEL_LABELS[l], value: f.cases.resolvedAtLevel[l] }))} onPick={(i) => open({ level: LEVELS[i] })} />
          </Card>
          <Card title="各级上交率">
            <BarChart
              max={1}
              bars={LEVELS.filter((l) => l !== 'province').map((l) => ({ label: LEVEL_LABELS[l], value: f.escalationRate[l] ?? 0 }))}
              format={(v) => percent(v)}
            />
          </Card>
        </View>
      )}
      {f.children.length > 0 && (
        <BigButton onClick={() => Taro.navigateTo({ url: `/federation/pages/ranking/index?orgId=${f.org.id}&month=${chinaMonthOf(f.asOf)}` })}>
          下级单位月度排名与通报
        </BigButton>
      )}
      {f.children.length > 0 && (
        <Card title="下级单位">
          {f.children.map((child) => (
            <View
              key={child.id}
              className="child-row tap"
              onClick={() => Taro.navigateTo({ url: `/federation/pages/dashboard/index?orgId=${child.id}` })}
            >
              <Text>{child.name}</Text>
              <Text className="muted">
                {child.total} 件 · 办结 {child.resolved} · 按时 {percent(child.onTimeRate)} ›
              </Text>
            </View>
          ))}
        </Card>
      )}
      <BigButton loading={exporting} onClick={exportCases}>
        导出反映明细（Excel 可打开）
      </BigButton>
    </Page>
  )
}
