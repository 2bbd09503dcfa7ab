/**
 * 工作台: the cases my org holds — overdue first, then by the deadline that runs — by tab (待受理 /
 * 办理中 / 已办结 / 超期) and category, each saying when a level above urged it. Tapping one opens the
 * case with its holder actions, and says where its 延期 request stands. 督办: the cases below her that
 * missed a deadline, were urged, taken over or extended, or wait for her answer to a 延期 request, each
 * saying why it is listed, with 催办, 提级办理 and the answer to the request where she may.
 */
import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { CATEGORIES, CATEGORY_LABELS, LEVEL_LABELS, type CaseSummary, type Category, type SupervisedCase } from '../../../../types'
import { useReloadOnReturn, useRemote } from '../../../shared/use-remote'
import { caseNumber, formatTime, remaining, runningDeadline } from '../../../shared/case-format'
import { RemoteState } from '../../../shared/remote-state'
import { listHeldCases } from '../../../features/cases/api/list-held-cases'
import { listOverdueCases } from '../../../features/cases/api/list-overdue-cases'
import { CaseRow } from '../../../features/cases/case-row'
import { SuperviseActions } from '../../../features/case-detail/supervise-actions'
import { DecideExtension, extensionLine } from '../../../features/case-detail/case-extension'
import './index.css'
import { Page } from '../../../shared/page'

type Tab = 'pending' | 'in_progress' | 'resolved' | 'overdue' | 'supervise'
const TABS: { key: Tab; label: string }[] = [
  { key: 'pending', label: '待受理' },
  { key: 'in_progress', label: '办理中' },
  { key: 'resolved', label: '已办结' },
  { key: 'overdue', label: '超期' },
  // Cases below her that missed a deadline on their way: what a supervising level follows up.
  { key: 'supervise', label: '督办' },
]

/** A held case: what it is about and where, and whether a partner department has answered. */
function DeskCase({ item, now }: { item: CaseSummary; now: string }) {
  const info = `${CATEGORY_LABELS[item.category]} · 编号 ${caseNumber(item.id)} · ${item.holderOrgName}（${LEVEL_LABELS[item.level]}）`
  return (
    <CaseRow item={item} now={now} info={info}>
      {item.assignment && (
        <Text className="muted case-row-line">
          已协调 {item.assignment.department}
          {item.assignment.answered ? '（已答复）' : '（待答复）'}
        </Text>
      )}
      {item.urges && item.urges.length > 0 && (
        <Text className="case-row-line reason-line">
          已催办 {item.urges.length} 次（最近：{item.urges.at(-1)!.orgName}，{formatTime(item.urges.at(-1)!.at, now)}）
        </Text>
      )}
      {item.extension && <Text className={`case-row-line reason-line reason-extension-${item.extension.status}`}>{extensionLine(item.extension, now)}</Text>}
    </CaseRow>
  )
}

/**
 * A case on the 督办 list: why it is there (each missed deadline and where, the urges, a take-over),
 * who holds it now and the deadline that holder runs against, and what she may do about it.
 */
function SupervisedRow({ item, now, onChanged }: { item: SupervisedCase; now: string; onChanged: () => Promise<unknown> }) {
  const holder = `${item.holderOrgName}（${LEVEL_LABELS[item.level]}）`
  const deadline = runningDeadline(item)
  return (
    <CaseRow item={item} info={`${CATEGORY_LABELS[item.category]} · 编号 ${caseNumber(item.id)}`}>
      {item.reasons.map((reason) => (
        <Text key={`${reason.kind}-${reason.at}`} className={`case-row-line reason-line reason-${reason.kind}`}>
          {formatTime(reason.at, now)}　{reason.text}
        </Text>
      ))}
      <Text className="muted case-row-line">
        现由{holder}办理{deadline ? `，${deadline.label}${remaining(deadline.at, now)}` : ''}
      </Text>
      <SuperviseActions caseId={item.id} holder={holder} can={item.can} onChanged={onChanged} />
      {item.can.decideExtension && item.extension && <DecideExtension caseId={item.id} extension={item.extension} now={now} onChanged={onChanged} />}
    </CaseRow>
  )
}

export default function DeskInboxPage() {
  const [tab, setTab] = useState<Tab>('pending')
  const [category, setCategory] = useState<Category>()
  const remote = useRemote(() => listHeldCases(category ? { category } : {}), [category])
  const { data, error, reload } = remote
  const supervised = useRemote(
    () => (tab === 'supervise' ? listOverdueCases() : Promise.resolve(undefined)),
    [tab],
  )
  useReloadOnReturn(reload)

  const held = (data?.items ?? []).filter((c) => (tab === 'overdue' ? c.overdue : c.status === tab))
  const watched = (supervised.data?.items ?? []).filter((c) => !category || c.category === category)
  const items = tab === 'supervise' ? watched : held
  const now = (tab === 'supervise' ? supervised.data?.asOf : data?.asOf) ?? new Date().toISOString()
  // 催办 or 提级办理 changed a case below her: the list says so, and a case she took over is on her desk now.
  const afterSupervising = () => Promise.all([supervised.reload(), reload()])
  const categoryNames = ['全部类别', ...CATEGORIES.map((c) => CATEGORY_LABELS[c])]

  return (
    <Page>
      <View className="tabs">
        {TABS.map((t) => (
          <View key={t.key} className={`tab ${tab === t.key ? 'tab-on' : ''}`} onClick={() => setTab(t.key)}>
            <Text>{t.label}</Text>
            <Text className="tab-count">{t.key === 'supervise' ? (supervised.data?.items.length ?? '·') : (data?.counts[t.key] ?? '·')}</Text>
          </View>
        ))}
      </View>
      <Picker
        mode="selector"
        range={categoryNames}
        onChange={(e) => {
          const index = Number(e.detail.value)
          setCategory(index === 0 ? undefined : CATEGORIES[index - 1])
        }}
      >
        <View className="field-box tap filter">{category ? CATEGORY_LABELS[category] : '全部类别'} ▾</View>
      </Picker>
      {tab === 'supervise' && supervised.error && <Text className="notice">{supervised.error.message}</Text>}
      {(error || items.length === 0) && (
        <RemoteState
          remote={remote}
          empty={{ title: '这里没有反映', hint: tab === 'pending' ? '新的反映到达时会出现在这里，并通过消息提醒您' : '换个分类看看' }}
        />
      )}
      {tab === 'supervise'
        ? watched.map((item) => <SupervisedRow key={item.id} item={item} now={now} onChanged={afterSupervising} />)
        : held.map((item) => <DeskCase key={item.id} item={item} now={now} />)}
    </Page>
  )
}
