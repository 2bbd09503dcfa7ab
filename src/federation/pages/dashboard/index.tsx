/**
 * 数据看板: an org's whole subtree at a glance — its 矛盾苗头预警 first (each with the reports behind
 * it), cases by status and category, where they were resolved (小事不出村 / 大事不出乡镇), on-time
 * and satisfaction rates, escalation by level — with the child orgs to drill into, the month's
 * scorecard of its children (月度排名), and the cases as a CSV for Excel.
 */
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
import { CaseRow } from '../../../features/cases/case-row'
import { caseNumber, formatTime } from '../../../shared/case-format'
import { EmptyState, PageState } from '../../../shared/remote-state'
import { Card } from '../../../shared/card'
import './index.css'
import { Page } from '../../../shared/page'

function Tile({ label, value }: { label: string; value: string | number }) {
  return (
    <View className="tile">
      <Text className="tile-value">{value}</Text>
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
  const { busy: exporting, submit } = useSubmit()
  usePullDownRefresh(() => void Promise.all([reload(), alerts.reload()]).finally(() => Taro.stopPullDownRefresh()))

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
      <View className="tiles">
        <Tile label="反映总数" value={f.cases.total} />
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
            <BarChart bars={CASE_STATUSES.map((s) => ({ label: CASE_STATUS_LABELS[s], value: f.cases.byStatus[s] }))} />
          </Card>
          <Card title="问题类别">
            <BarChart bars={CATEGORIES.map((c) => ({ label: CATEGORY_LABELS[c], value: f.cases.byCategory[c] }))} />
          </Card>
          <Card title="在哪一级办结">
            <BarChart bars={LEVELS.map((l) => ({ label: LEVEL_LABELS[l], value: f.cases.resolvedAtLevel[l] }))} />
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
