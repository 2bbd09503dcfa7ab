/**
 * What a supervising level does about a case below it (a cadre of an org above the holder): 催办 —
 * press the holder to act, with a note if she wants — and 提级办理 — pull the case up to her own org,
 * which then holds it with fresh deadlines (the reporter is told). Only what the server says she may
 * do now is offered. Used on the case page and on each case of the 督办 list.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../shared/big-button'
import { BottomSheet } from '../../shared/bottom-sheet'
import { useWritten } from './use-written'
import { confirmFirst } from '../../shared/confirm'
import { useSubmit } from '../../shared/use-submit'
import { urgeCase } from './api/urge-case'
import { takeOverCase } from './api/take-over-case'
import './supervise-actions.css'

type Sheet = 'urge' | 'takeOver'

interface Props {
  caseId: string
  /** Where the case is now, as the sheets say it (道义街道（乡镇/街道）). */
  holder: string
  can: { urge: boolean; takeOver: boolean }
  onChanged: () => Promise<unknown>
}

export function SuperviseActions({ caseId, holder, can, onChanged }: Props) {
  const [sheet, setSheet] = useState<Sheet | null>(null)
  const written = useWritten()
  const { busy, submit } = useSubmit()
  if (!can.urge && !can.takeOver) return null

  const open = (which: Sheet) => {
    written.reset()
    setSheet(which)
  }
  const done = async (toast: string) => {
    setSheet(null)
    void Taro.showToast({ title: toast, icon: 'success' })
    await onChanged()
  }
  const urge = () =>
    submit(async () => {
      const note = written.text
      await urgeCase({ caseId, ...(note && { note }) })
      await done('已催办')
    }, onChanged)
  const takeOver = async () => {
    if (!written.text) return written.setProblem('请写明为什么提级办理')
    // The sheet steps aside for the question (on H5 it would cover the dialog's buttons), and comes
    // back with her reason as she wrote it if she thinks again.
    setSheet(null)
    const sure = await confirmFirst({
      title: '提级办理',
      content: `这条反映将从${holder}转由本级直接办理，重新计算期限，并告知反映人。确定吗？`,
      confirmText: '提级办理',
      cancelText: '再想想',
    })
    if (!sure) return setSheet('takeOver')
    return submit(async () => {
      await takeOverCase({ caseId, reason: written.text })
      await done('已提级办理')
    }, onChanged)
  }

  return (
    // A tap on these (or in their sheets) is not a tap on the card around them (the 督办 list's row).
    <View className="supervise" onClick={(e) => e.stopPropagation()}>
      <View className="button-row">
        {can.urge && <BigButton onClick={() => open('urge')}>催办</BigButton>}
        {can.takeOver && <BigButton onClick={() => open('takeOver')}>提级办理</BigButton>}
      </View>
      <BottomSheet visible={sheet === 'urge'} title="催办" onClose={() => setSheet(null)}>
        <Text className="supervise-hint">催{holder}抓紧办理。他们的议事会主任和妇联干部会收到消息。</Text>
        {written.field('催办意见（可不填）', 200)}
        <BigButton type="primary" loading={busy} onClick={urge}>
          确定催办
        </BigButton>
      </BottomSheet>
      <BottomSheet visible={sheet === 'takeOver'} title="提级办理" onClose={() => setSheet(null)}>
        <Text className="supervise-hint">由本级直接办理这条反映：重新计算受理和办结期限，反映人会收到通知。</Text>
        {written.field('提级办理理由', 500)}
        <BigButton type="primary" loading={busy} onClick={takeOver}>
          确定提级
        </BigButton>
      </BottomSheet>
    </View>
  )
}
