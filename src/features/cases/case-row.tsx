/**
 * A case in a list (我的反映, 工作台, 议事): its title and status, a line about it, and for those who
 * hold it the deadline it runs against. A tap opens the case (unless it may not be opened).
 */
import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CaseSummary } from '../../../types'
import { StatusChip } from '../../shared/status-chip'
import { remaining, runningDeadline } from '../../shared/case-format'
import './case-row.css'

interface Props {
  item: CaseSummary
  info: ReactNode
  /** The server's now: given, the running deadline is shown counted from it. */
  now?: string
  children?: ReactNode
  /** False: a case she may count but not open (stats.cases, gone past her): the row does not open. */
  opens?: boolean
}

export function CaseRow({ item, info, now, children, opens = true }: Props) {
  const deadline = runningDeadline(item)
  const due = now && deadline ? `${deadline.label} ${remaining(deadline.at, now)}` : undefined
  return (
    <View className="card" {...(opens && { onClick: () => Taro.navigateTo({ url: `/pages/case/index?id=${item.id}` }) })}>
      <View className="title-row">
        <Text className="row-title">{item.title}</Text>
        <StatusChip status={item.status} overdue={item.overdue} />
      </View>
      <Text className="muted case-row-line">{info}</Text>
      {due && <Text className={`case-row-line ${item.overdue ? 'case-row-overdue' : 'muted'}`}>{due}</Text>}
      {/* 我也遇到: how many follow it (those handling it), where a duplicate went (everyone who sees it). */}
      {(item.supporters ?? 0) > 0 && <Text className="case-row-line muted">{item.supporters} 人也反映</Text>}
      {item.mergedInto && <Text className="case-row-line muted">已与 #{item.mergedInto.number} 合并办理</Text>}
      {children}
    </View>
  )
}
