/** 操作记录: who did what, when and where in my org's subtree — newest first, page by page. */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { AccountResults } from '../../../../types'
import { listAuditEntries } from '../../../features/account/api/list-audit-entries'
import { useRemote } from '../../../shared/use-remote'
import { useSubmit } from '../../../shared/use-submit'
import { BigButton } from '../../../shared/big-button'
import { Card } from '../../../shared/card'
import { Choice } from '../../../shared/choice'
import { formatTime, caseNumber } from '../../../shared/case-format'
import { PageState } from '../../../shared/remote-state'
import { Page } from '../../../shared/page'

type Item = AccountResults['audit']['items'][number]

/** What the records are about, to show one kind at a time (among those loaded so far). */
const KINDS = {
  all: { label: '全部', shows: () => true },
  case: { label: '反映', shows: (i: Item) => i.targetType === 'case' },
  deliberation: { label: '议事', shows: (i: Item) => i.targetType === 'deliberation' },
  people: { label: '成员与组织', shows: (i: Item) => i.targetType === 'role' || i.targetType === 'org' },
  answer: { label: '标准答复', shows: (i: Item) => i.targetType === 'answer' },
  announcement: { label: '公告', shows: (i: Item) => i.targetType === 'announcement' },
  survey: { label: '调研', shows: (i: Item) => i.targetType === 'survey' },
} as const
type Kind = keyof typeof KINDS

export default function AuditPage() {
  const first = useRemote(() => listAuditEntries(), [])
  const [more, setMore] = useState<Item[]>([])
  const [next, setNext] = useState<AccountResults['audit']['next'] | null>(null)
  const { busy, submit } = useSubmit()
  const [kind, setKind] = useState<Kind>('all')
  const cursor = next === null ? first.data?.next : next

  const loadMore = async () => {
    if (!cursor) return
    await submit(async () => {
      const page = await listAuditEntries({ before: cursor })
      setMore((m) => [...m, ...page.items])
      setNext(page.next)
    })
  }

  const items = [...(first.data?.items ?? []), ...more]
  if (first.error || items.length === 0) {
    return <PageState remote={first} empty={{ title: '还没有操作记录', hint: '受理、办结、邀请成员等操作都会记录在这里' }} />
  }
  const shown = items.filter(KINDS[kind].shows)
  return (
    <Page>
      <View className="button-row" role="radiogroup" aria-label="筛选操作记录">
        {(Object.keys(KINDS) as Kind[]).map((k) => (
          <Choice key={k} on={kind === k} label={KINDS[k].label} className="row-choice" onPick={() => setKind(k)} />
        ))}
      </View>
      {shown.length === 0 && <Text className="muted audit-none">已加载的记录中没有这一类，可以加载更早的记录再看。</Text>}
      {shown.map((item) => (
        <Card key={item.id} title={item.summary}>
          <Text className="muted audit-line">
            {item.actor} · {item.orgName}
          </Text>
          <Text className="muted audit-line">
            {formatTime(item.at)}
            {item.targetType === 'case' ? ` · 反映编号 ${caseNumber(item.targetId)}` : ''}
          </Text>
        </Card>
      ))}
      {cursor && (
        <BigButton loading={busy} onClick={loadMore}>
          加载更早的记录
        </BigButton>
      )}
    </Page>
  )
}
