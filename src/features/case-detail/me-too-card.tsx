/**
 * 我也遇到 on the case page: for one who follows it, that she does and what that means (read-only:
 * rating and withdrawing are the reporter's); for a duplicate, the case it was merged into; for those
 * handling it, how many follow it (never who) and 合并到同类反映 — the village's open cases of the same
 * category it could join (intake.similar), one tap and one question.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CaseDetail, SimilarCase } from '../../../types'
import { Card } from '../../shared/card'
import { BigButton } from '../../shared/big-button'
import { BottomSheet } from '../../shared/bottom-sheet'
import { confirmFirst } from '../../shared/confirm'
import { useSubmit } from '../../shared/use-submit'
import { listSimilarCases } from '../../shared/api/list-similar-cases'
import { mergeCase } from './api/merge-case'

interface Props {
  detail: CaseDetail
  onChanged: () => Promise<void>
}

export function MeTooCard({ detail, onChanged }: Props) {
  const [targets, setTargets] = useState<SimilarCase[]>()
  const { busy, submit } = useSubmit()
  const { supporting, mergedInto, supporters = 0 } = detail
  const canMerge = detail.can.merge === true
  if (!supporting && !mergedInto && supporters === 0 && !canMerge) return null

  const pick = async () => {
    const found = await submit(() => listSimilarCases({ villageId: detail.villageId, category: detail.category }))
    // The same holder's only: the server refuses another's (and says so).
    if (found) setTargets(found.items.filter((c) => c.id !== detail.id && c.holderOrgName === detail.holderOrgName))
  }
  const merge = async (into: SimilarCase) => {
    const agreed = await confirmFirst({
      title: '合并办理',
      content: `把这条反映合并到 #${into.number}“${into.title}”？这条反映将关闭，反映人改为关注 #${into.number} 的进展。`,
      confirmText: '合并',
    })
    if (!agreed) return
    const done = await submit(() => mergeCase({ caseId: detail.id, intoCaseId: into.id }), onChanged)
    if (!done) return
    setTargets(undefined)
    void Taro.showToast({ title: `已与 #${into.number} 合并`, icon: 'none' })
    await onChanged()
  }

  return (
    <Card title="我也遇到">
      {supporting && (
        <View>
          <Text className="case-line">您也反映了这个问题，办理进展会通过“消息”告诉您。</Text>
          <Text className="muted">反映内容只有反映人和办理的同志能看到；评价和撤回由反映人进行。</Text>
        </View>
      )}
      {mergedInto && (
        <View>
          <Text className="case-line">已与 #{mergedInto.number} 合并办理</Text>
          <BigButton onClick={() => void Taro.navigateTo({ url: `/pages/case/index?id=${mergedInto.id}` })}>查看 #{mergedInto.number} 的进展</BigButton>
        </View>
      )}
      {supporters > 0 && <Text className="case-line">{supporters} 人也反映了这个问题</Text>}
      {canMerge && (
        <BigButton disabled={busy} onClick={() => void pick()}>
          合并到同类反映
        </BigButton>
      )}
      <BottomSheet visible={targets !== undefined} title="合并到哪一条反映" onClose={() => setTargets(undefined)}>
        {targets?.length === 0 && <Text className="muted">本村没有同类的、本单位正在办理的反映可以合并。</Text>}
        {targets?.map((c) => (
          <BigButton key={c.id} disabled={busy} onClick={() => void merge(c)}>
            #{c.number} {c.title}
          </BigButton>
        ))}
      </BottomSheet>
    </Card>
  )
}
