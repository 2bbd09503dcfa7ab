/**
 * 议事: the council inbox. Open deliberations first (turnout against quorum, time left), then closed
 * ones with their result; for a convener (or a village cadre) the cases her council holds, each one a
 * tap away from a deliberation. Opened from the council's group chat (weapp: a share ticket; local:
 * `?groupId=`), it goes straight to the group's open deliberation.
 */
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { type CaseSummary, type RoleBinding } from '../../../../types'
import { CloudError, showError } from '../../../shared/cloud-error'
import { IS_LOCAL_MODE } from '../../../shared/local-mode'
import { useRemote } from '../../../shared/use-remote'
import { BigButton } from '../../../shared/big-button'
import { StatusChip } from '../../../shared/status-chip'
import { remaining, runningDeadline, shortId } from '../../../shared/case-format'
import { getMe } from '../../../features/account/api/get-me'
import { listHeldCases } from '../../../features/cases/api/list-held-cases'
import { getDeliberation } from '../../../features/council/api/get-deliberation'
import { listDeliberations } from '../../../features/council/api/list-deliberations'
import { resolveGroup } from '../../../features/council/api/resolve-group'
import { sortForInbox } from '../../../features/council/council-format'
import { DeliberationRow } from '../../../features/council/deliberation-row'
import { groupCloudId, ticketToLand } from '../../../features/council/group-chat'
import { noteServerTime, serverTimeKnown, useServerNow } from '../../../features/council/server-clock'
import '../../../features/council/council.css'
import './index.css'

const runsCouncil = (b: RoleBinding) => (b.role === 'convener' || b.role === 'cadre') && b.level === 'village'

async function loadInbox() {
  const me = await getMe()
  const holdsCases = me.roles.some((b) => b.role === 'convener' || b.role === 'cadre')
  const [list, desk] = await Promise.all([
    listDeliberations(),
    // Members may not read the holder's queue (FORBIDDEN): they see deliberations only.
    holdsCases
      ? listHeldCases().catch((error: unknown) => {
          if (error instanceof CloudError && error.code === 'FORBIDDEN') return undefined
          throw error
        })
      : Promise.resolve(undefined),
  ])
  if (desk) noteServerTime(desk.asOf)
  else if (!serverTimeKnown()) {
    // `list` carries no server time: borrow it from the nearest open deliberation for the countdowns.
    const first = list.items.find((d) => d.status === 'open')
    if (first) noteServerTime((await getDeliberation({ deliberationId: first.id })).deliberation.asOf)
  }
  const councils = new Set(me.roles.filter(runsCouncil).map((b) => b.orgId))
  const cases: CaseSummary[] = (desk?.items ?? []).filter((c) => councils.has(c.holderOrgId))
  return { me, items: list.items, cases, councils: me.roles.filter(runsCouncil) }
}

function CaseRow({ item, now, deliberating }: { item: CaseSummary; now: string; deliberating: boolean }) {
  const deadline = runningDeadline(item)
  return (
    <View className="card council-case" onClick={() => Taro.navigateTo({ url: `/pages/case/index?id=${item.id}` })}>
      <View className="council-row-head">
        <Text className="council-row-title">{item.title}</Text>
        <StatusChip status={item.status} overdue={item.overdue} />
      </View>
      <Text className="muted council-line">
        编号 {shortId(item.id)}
        {deadline ? ` · ${deadline.label} ${remaining(deadline.at, now)}` : ''}
      </Text>
      {deliberating && <Text className="muted council-line">已就此发起过议事</Text>}
      <View
        className="tap council-case-action"
        onClick={(e) => {
          e.stopPropagation()
          void Taro.navigateTo({ url: `/council/pages/create/index?caseId=${item.id}` })
        }}
      >
        <Text>就此发起议事 ›</Text>
      </View>
    </View>
  )
}

export default function CouncilInboxPage() {
  const params = useRouter().params
  const { data, loading, error, reload } = useRemote(loadInbox, [])
  const now = useServerNow()
  const [landing, setLanding] = useState(false)
  const shown = useRef(false)
  useDidShow(() => {
    // The first show is the initial load; later ones (back from a deliberation) refresh.
    if (shown.current) void reload()
    shown.current = true
  })
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))

  const onlyCouncil = data && new Set(data.items.map((d) => d.orgId)).size <= 1 ? data.items[0]?.orgName : undefined
  useShareAppMessage(() => ({
    title: onlyCouncil ? `${onlyCouncil}议事会：线上议事` : '议事会：线上议事',
    path: '/council/pages/inbox/index',
  }))

  // Arriving from the council's group chat: land on its open deliberation.
  useEffect(() => {
    const localGroupId = IS_LOCAL_MODE ? params.groupId : undefined
    // weapp: only when the visit began here from the group (not when she came to the inbox from home).
    const ticket = !IS_LOCAL_MODE && Taro.getCurrentPages().length <= 1 ? ticketToLand() : undefined
    if (!localGroupId && !ticket) return
    let cancelled = false
    void (async () => {
      setLanding(true)
      try {
        const cloudID = localGroupId ? undefined : await groupCloudId()
        if (!localGroupId && !cloudID) return
        const found = await resolveGroup(localGroupId ? { localGroupId } : { cloudID })
        if (cancelled) return
        if (found.deliberationId) {
          void Taro.redirectTo({ url: `/council/pages/deliberation/index?id=${found.deliberationId}` })
        } else {
          void Taro.showToast({ title: `${found.orgName}议事会暂时没有进行中的议事`, icon: 'none', duration: 3000 })
        }
      } catch (caught) {
        showError(caught)
      } finally {
        if (!cancelled) setLanding(false)
      }
    })()
    return () => {
      cancelled = true
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const sorted = data ? sortForInbox(data.items) : { open: [], closed: [] }
  const councils = data?.councils ?? []
  const canOpen = councils.length > 0
  const electorOf = (orgId: string) =>
    (data?.me.roles ?? []).some((b) => b.orgId === orgId && (b.role === 'member' || b.role === 'convener'))
  const showOrg = new Set(data?.items.map((d) => d.orgId)).size > 1
  const deliberated = new Set(data?.items.filter((d) => d.caseId).map((d) => d.caseId))

  return (
    <View className="page">
      {landing && <Text className="notice">正在打开本群的议事…</Text>}
      {canOpen && (
        <BigButton type="primary" className="council-open" onClick={() => Taro.navigateTo({ url: '/council/pages/create/index' })}>
          发起议事
        </BigButton>
      )}
      {loading && !data && <Text className="empty">正在加载…</Text>}
      {error && !data && (
        <View className="empty" onClick={reload}>
          <Text className="empty-title">{error.message}</Text>
          <Text className="muted">点击重试</Text>
        </View>
      )}
      {data && data.items.length === 0 && (
        <View className="empty">
          <Text className="empty-title">还没有议事</Text>
          <Text className="muted">
            {canOpen
              ? '点上面的“发起议事”，写下要商量的事和几个选项，议事会成员就能在手机上发表意见、投票。'
              : '议事会主任发起议事后会出现在这里，也会通过微信消息和议事会微信群通知您。'}
          </Text>
        </View>
      )}
      {sorted.open.length > 0 && <Text className="council-group-title">进行中（{sorted.open.length}）</Text>}
      {sorted.open.map((item) => (
        <DeliberationRow key={item.id} item={item} now={now} elector={electorOf(item.orgId)} showOrg={showOrg} />
      ))}
      {sorted.closed.length > 0 && <Text className="council-group-title">已结束（{sorted.closed.length}）</Text>}
      {sorted.closed.map((item) => (
        <DeliberationRow key={item.id} item={item} now={now} elector={electorOf(item.orgId)} showOrg={showOrg} />
      ))}
      {data && canOpen && (
        <View>
          <Text className="council-group-title">
            本议事会的反映{councils.length === 1 ? `（${councils[0]!.orgName}）` : ''}
          </Text>
          {data.cases.length === 0 ? (
            <Text className="muted council-none">现在没有需要办理的反映。</Text>
          ) : (
            data.cases.map((item) => <CaseRow key={item.id} item={item} now={now} deliberating={deliberated.has(item.id)} />)
          )}
        </View>
      )}
    </View>
  )
}
