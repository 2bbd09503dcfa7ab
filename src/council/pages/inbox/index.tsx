/**
 * 议事: the council inbox. Open deliberations first (turnout against quorum, time left), then closed
 * ones with their result; for a convener (or a village cadre) the cases her council holds, each one a
 * tap away from a deliberation. Opened from the council's group chat (weapp: a share ticket; local:
 * `?groupId=`), it goes straight to the group's open deliberation.
 */
import { useEffect } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { type CaseSummary } from '../../../../types'
import { CloudError } from '../../../shared/cloud-error'
import { IS_LOCAL_MODE } from '../../../shared/local-mode'
import { useReloadOnReturn, useRemote } from '../../../shared/use-remote'
import { useSubmit } from '../../../shared/use-submit'
import { BigButton } from '../../../shared/big-button'
import { caseNumber } from '../../../shared/case-format'
import { RemoteState } from '../../../shared/remote-state'
import { getMe } from '../../../features/account/api/get-me'
import { hasRole, runsCouncil } from '../../../features/account/roles'
import { listHeldCases } from '../../../features/cases/api/list-held-cases'
import { CaseRow } from '../../../features/cases/case-row'
import { getDeliberation } from '../../../features/council/api/get-deliberation'
import { listDeliberations } from '../../../features/council/api/list-deliberations'
import { resolveGroup } from '../../../features/council/api/resolve-group'
import { sortForInbox } from '../../../features/council/council-format'
import { DeliberationRow } from '../../../features/council/deliberation-row'
import { groupCloudId, ticketToLand } from '../../../features/council/group-chat'
import { noteServerTime, serverTimeKnown, useServerNow } from '../../../features/council/server-clock'
import '../../../features/council/council.css'
import './index.css'
import { Page } from '../../../shared/page'

async function loadInbox() {
  const me = await getMe()
  const holdsCases = hasRole(me.roles, 'convener', 'cadre')
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
  const councils = me.roles.filter(runsCouncil)
  const cases: CaseSummary[] = (desk?.items ?? []).filter((c) => councils.some((b) => b.orgId === c.holderOrgId))
  return { me, items: list.items, cases, councils }
}

/** One of the council's cases, a tap away from a deliberation on it while it is still being handled. */
function CouncilCase({ item, now, deliberating }: { item: CaseSummary; now: string; deliberating: boolean }) {
  return (
    <CaseRow item={item} info={`编号 ${caseNumber(item.id)}`} now={now}>
      {deliberating && <Text className="muted council-line">已就此发起过议事</Text>}
      {item.status !== 'resolved' && (
        <View
          className="tap council-case-action"
          onClick={(e) => {
            e.stopPropagation()
            void Taro.navigateTo({ url: `/council/pages/create/index?caseId=${item.id}` })
          }}
        >
          <Text>就此发起议事 ›</Text>
        </View>
      )}
    </CaseRow>
  )
}

export default function CouncilInboxPage() {
  const params = useRouter().params
  const remote = useRemote(loadInbox, [])
  const { data, reload } = remote
  const now = useServerNow()
  const { busy: landing, submit } = useSubmit()
  useReloadOnReturn(reload)

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
    void submit(async () => {
      const cloudID = localGroupId ? undefined : await groupCloudId()
      if (!localGroupId && !cloudID) return
      const found = await resolveGroup(localGroupId ? { localGroupId } : { cloudID })
      if (cancelled) return
      if (found.deliberationId) {
        void Taro.redirectTo({ url: `/council/pages/deliberation/index?id=${found.deliberationId}` })
      } else {
        void Taro.showToast({ title: `${found.orgName}议事会暂时没有进行中的议事`, icon: 'none', duration: 3000 })
      }
    })
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
    <Page>
      {landing && <Text className="notice">正在打开本群的议事…</Text>}
      {canOpen && (
        <BigButton type="primary" className="council-open" onClick={() => Taro.navigateTo({ url: '/council/pages/create/index' })}>
          发起议事
        </BigButton>
      )}
      {!data?.items.length && (
        <RemoteState
          remote={remote}
          empty={{
            title: '还没有议事',
            hint: canOpen
              ? '点上面的“发起议事”，写下要商量的事和几个选项，议事会成员就能在手机上发表意见、投票。'
              : '议事会主任发起议事后会出现在这里，也会通过微信消息和议事会微信群通知您。',
          }}
        />
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
            data.cases.map((item) => <CouncilCase key={item.id} item={item} now={now} deliberating={deliberated.has(item.id)} />)
          )}
        </View>
      )}
    </Page>
  )
}
