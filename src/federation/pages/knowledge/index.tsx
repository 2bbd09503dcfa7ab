/**
 * 标准答复 (知识库): the answers her city and the province keep per category, for those who resolve
 * cases to start from. Their keepers (a city's or the province's cadres, the admin) add, edit and
 * retire them here; anyone else reads them. The admin picks which org's to look after: the
 * province's, or any city's.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS, type KnowledgeAnswer, type OrgNode } from '../../../../types'
import { useMe } from '../../../features/account/use-me'
import { listAnswers } from '../../../features/knowledge/api/list-answers'
import { retireAnswer } from '../../../features/knowledge/api/retire-answer'
import { AnswerForm } from '../../../features/knowledge/answer-form'
import { AnswerList } from '../../../features/knowledge/answer-list'
import { listOrgs } from '../../../shared/api/list-orgs'
import { BigButton } from '../../../shared/big-button'
import { Card } from '../../../shared/card'
import { Choice } from '../../../shared/choice'
import { confirmFirst } from '../../../shared/confirm'
import { Page } from '../../../shared/page'
import { EmptyState, PageState } from '../../../shared/remote-state'
import { useReloadOnReturn, useRemote } from '../../../shared/use-remote'
import { useSubmit } from '../../../shared/use-submit'

/** What the form is for: a new answer, or the one she edits. */
type Editing = { answer?: KnowledgeAnswer } | null

/** The admin keeps every city's answers too: the orgs she can look at, her province first. */
function useAdminOrgs(): OrgNode[] {
  const { data: me } = useMe()
  const province = me?.roles.find((b) => b.role === 'admin')
  const cities = useRemote(() => (province ? listOrgs({ parentId: province.orgId }).then((r) => r.items) : Promise.resolve([])), [province?.orgId])
  if (!province) return []
  return [{ id: province.orgId, name: province.orgName, level: province.level, parentId: null, hasChildren: true }, ...(cities.data ?? [])]
}

export default function KnowledgePage() {
  const [withRetired, setWithRetired] = useState(false)
  const orgs = useAdminOrgs()
  const [orgId, setOrgId] = useState<string>()
  const remote = useRemote(() => listAnswers({ includeRetired: withRetired, ...(orgId && { orgId }) }), [withRetired, orgId])
  useReloadOnReturn(remote.reload)
  const [editing, setEditing] = useState<Editing>(null)
  const { submit } = useSubmit()
  const { data } = remote

  const open = (next: Editing) => {
    setEditing(next)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }
  const done = async (saved: KnowledgeAnswer | null) => {
    setEditing(null)
    if (!saved) return
    void Taro.showToast({ title: '已保存', icon: 'success' })
    await remote.reload()
  }
  const retire = async (answer: KnowledgeAnswer) => {
    const agreed = await confirmFirst({ title: '停用这条答复', content: `停用后，办结反映时不再显示“${answer.title}”，记录仍会保留。`, confirmText: '确定停用', cancelText: '再想想' })
    if (!agreed) return
    await submit(async () => {
      await retireAnswer({ id: answer.id })
      void Taro.showToast({ title: '已停用', icon: 'success' })
      await remote.reload()
    }, remote.reload)
  }

  if (remote.error || !data) return <PageState remote={remote} loadingText="正在读取标准答复…" />
  if (editing) {
    return (
      <Page>
        <AnswerForm editing={editing.answer} addsAt={data.addsAt} onDone={done} />
      </Page>
    )
  }
  const keeps = data.addsAt !== null || data.items.some((a) => a.editable)
  return (
    <Page>
      <Text className="notice">办结反映时，可以从这里选一条答复填入，再按实际情况修改。</Text>
      {orgs.length > 1 && (
        <Card title="查看哪一级的答复">
          <View className="button-row" role="radiogroup" aria-label="查看哪一级的答复">
            {orgs.map((org, i) => (
              <Choice key={org.id} className="row-choice" on={(orgId ?? orgs[0]!.id) === org.id} label={org.name} hint={LEVEL_LABELS[org.level]} onPick={() => setOrgId(i === 0 ? undefined : org.id)} />
            ))}
          </View>
        </Card>
      )}
      {data.addsAt && (
        <>
          <BigButton type="primary" onClick={() => open({})}>
            新增标准答复
          </BigButton>
          <Text className="muted button-why">
            发布到{data.addsAt.orgName}（{LEVEL_LABELS[data.addsAt.level]}）
          </Text>
        </>
      )}
      {data.items.length === 0 ? (
        keeps ? (
          <EmptyState title="还没有标准答复" hint="点“新增标准答复”，写下常见问题的办理答复，基层办结时就能选用" />
        ) : (
          <EmptyState title="市、省妇联还没有发布标准答复" hint="办结时请直接填写办理情况" />
        )
      ) : (
        <AnswerList items={data.items} onEdit={(answer) => open({ answer })} onRetire={retire} />
      )}
      {keeps && <Choice role="checkbox" on={withRetired} label="显示已停用的答复" hint="停用的答复留作记录，办结时不再显示" onPick={() => setWithRetired((v) => !v)} />}
    </Page>
  )
}
