/**
 * 数字背后的反映: the cases behind one figure of 数据看板 (a status, a category, where they were resolved,
 * 超期未办结, or all of them) in an org's subtree, newest first, 20 at a time (加载更多). The heading says
 * which figure and which months; a figure of 截至今天 opens on all time and offers the dashboard's
 * months. A tap opens the case; a case that has gone past her (escalated above her org) is counted but
 * does not open, and its row says so.
 */
import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS, type DrillCase, type StatsCases } from '../../../../types'
import { useRemote } from '../../../shared/use-remote'
import { useSubmit } from '../../../shared/use-submit'
import { BigButton } from '../../../shared/big-button'
import { Choice } from '../../../shared/choice'
import { caseNumber, formatTime } from '../../../shared/case-format'
import { EmptyState, PageState } from '../../../shared/remote-state'
import { Page } from '../../../shared/page'
import { CaseRow } from '../../../features/cases/case-row'
import { listFigureCases } from '../../../features/dashboard/api/list-figure-cases'
import './index.css'
import { emptyLine, figureTitle, rangeLabel, rangeLine, readCasesParams, type MonthRange } from '../../../features/dashboard/drill'

function Row({ item, now }: { item: DrillCase; now: string }) {
  const where = `${item.holderOrgName}（${LEVEL_LABELS[item.level]}）`
  return (
    <CaseRow item={item} now={item.openable ? now : undefined} opens={item.openable} info={`编号 ${caseNumber(item.id)} · ${formatTime(item.submittedAt, now)} 提交 · ${where}`}>
      {!item.openable && <Text className="muted case-row-line">已转由{where}办理，本级可以统计，不能查看详情</Text>}
    </CaseRow>
  )
}

export default function FigureCasesPage() {
  const { orgId, figure, range: opened, offer } = readCasesParams(useRouter().params)
  const [range, setRange] = useState<MonthRange | undefined>(opened)
  const filter = { ...figure, ...(range && { from: range.from, to: range.to }) }
  const first = useRemote(
    () => (orgId ? listFigureCases({ orgId, filter }) : Promise.resolve(undefined)),
    [orgId, JSON.stringify(filter)],
  )
  const [more, setMore] = useState<{ key: string; pages: StatsCases[] }>({ key: '', pages: [] })
  const key = JSON.stringify(filter)
  const pages = more.key === key ? more.pages : []
  const { busy, submit } = useSubmit()
  usePullDownRefresh(() => {
    setMore({ key: '', pages: [] })
    void first.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (first.error || !first.data) return <PageState remote={first} missing="没有找到这些反映" loadingText="正在查找反映…" />
  const data = first.data
  const last = pages.at(-1) ?? data
  const items = [data, ...pages].flatMap((p) => p.items)
  const loadMore = () =>
    submit(async () => {
      if (!orgId || !last.next) return
      const page = await listFigureCases({ orgId, filter, cursor: last.next })
      setMore({ key, pages: [...pages, page] })
    })
  // Which months: those it opened with, or all time; a choice between them when both make sense.
  const choices = [...new Map([opened, offer].filter((r): r is MonthRange => r !== undefined).map((r) => [`${r.from}~${r.to}`, r])).values()]

  return (
    <Page>
      <View className="card">
        <Text className="title">
          {data.org.name} · {figureTitle(figure)}
        </Text>
        <Text className="muted dash-sub">{rangeLine(range)}，含下辖全部单位，新提交的在前</Text>
      </View>
      {choices.length > 0 && (
        <View className="button-row" role="radiogroup" aria-label="按提交时间筛选">
          <Choice on={range === undefined} label="全部时间" className="row-choice" onPick={() => setRange(undefined)} />
          {choices.map((r) => (
            <Choice key={r.from + r.to} on={range?.from === r.from && range.to === r.to} label={`${rangeLabel(r)}提交`} className="row-choice" onPick={() => setRange(r)} />
          ))}
        </View>
      )}
      {items.length === 0 ? (
        <EmptyState className="card" title="没有这样的反映" hint={emptyLine(figure, range)} />
      ) : (
        items.map((item) => <Row key={item.id} item={item} now={data.asOf} />)
      )}
      {last.next ? (
        <BigButton loading={busy} onClick={loadMore}>
          加载更多
        </BigButton>
      ) : (
        items.length > 0 && <Text className="muted list-end">共 {items.length} 条，已全部显示</Text>
      )}
    </Page>
  )
}
