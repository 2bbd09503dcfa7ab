/**
 * 转办: a misrouted case goes to the right org at its level under the same parent — the holder in its
 * first 48 hours there, the level above at any time. She picks the org (the others under the parent),
 * and above the village level the village it is about under that org, writes why, and says yes once.
 * The reporter is told; the new holder's deadlines start again.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS, type CaseDetail, type Level, type OrgNode } from '../../../types'
import { listOrgs } from '../../shared/api/list-orgs'
import { BigButton } from '../../shared/big-button'
import { BottomSheet } from '../../shared/bottom-sheet'
import { Choice } from '../../shared/choice'
import { confirmFirst } from '../../shared/confirm'
import { RemoteState } from '../../shared/remote-state'
import { useRemote } from '../../shared/use-remote'
import { useSubmit } from '../../shared/use-submit'
import { transferCase } from './api/transfer-case'
import { useWritten } from './use-written'
import './case-transfer.css'

interface Props {
  caseId: string
  /** The org that holds it now, and its level. */
  holderOrgId: string
  holder: string
  level: Level
  /** Where it may go: the orgs under this one (CaseDetail.transferUnder). */
  under: NonNullable<CaseDetail['transferUnder']>
  onChanged: () => Promise<unknown>
}

export function TransferCase({ caseId, holderOrgId, holder, level, under, onChanged }: Props) {
  const [open, setOpen] = useState(false)
  // What she has picked: the org at the case's level first, down to the village.
  const [trail, setTrail] = useState<OrgNode[]>([])
  const reason = useWritten()
  const { busy, submit } = useSubmit()
  const last = trail[trail.length - 1]
  const picked = last !== undefined && last.level === 'village'
  const options = useRemote(
    () =>
      open && !picked
        ? listOrgs({ parentId: last?.id ?? under.id }).then((r) => r.items.filter((org) => org.id !== holderOrgId))
        : Promise.resolve(undefined),
    [open, last?.id],
  )
  // While the next list loads, the last one is gone: no stale row to tap.
  const items = options.loading ? undefined : options.data

  const show = () => {
    setTrail([])
    reason.reset()
    setOpen(true)
  }
  const send = async () => {
    if (!picked) return reason.setProblem(level === 'village' ? '请选择转给哪个村（社区）' : '请选择转给的单位和所在的村（社区）')
    if (!reason.text) return reason.setProblem('请写明为什么转办')
    const to = trail[0]!
    // The sheet steps aside for the question (on H5 it would cover the dialog's buttons), and comes back
    // as she left it if she thinks again.
    setOpen(false)
    const sure = await confirmFirst({
      title: '转办',
      content: `这条反映将从${holder}转给${to.name}（${LEVEL_LABELS[to.level]}）办理，重新计算期限，并告知反映人。确定吗？`,
      confirmText: '转办',
      cancelText: '再想想',
    })
    if (!sure) return setOpen(true)
    return submit(async () => {
      const { case: after } = await transferCase({ caseId, toOrgId: to.id, ...(level !== 'village' && { villageId: last!.id }), reason: reason.text })
      void Taro.showToast({ title: '已转办', icon: 'success' })
      // Sent to another village, it has left her hands (and her view): back to where she came from.
      if (after) await onChanged()
      else setTimeout(() => void Taro.navigateBack(), 800)
    }, onChanged)
  }

  return (
    <View onClick={(e) => e.stopPropagation()}>
      <BigButton onClick={show}>转办</BigButton>
      <BottomSheet visible={open} title="转办" className="sheet-list" onClose={() => setOpen(false)}>
        <Text className="transfer-hint">
          转错了单位的反映，转给{under.name}下的其他{LEVEL_LABELS[level]}办理。
        </Text>
        {trail.length > 0 && (
          <View className="transfer-trail">
            <Text>转给：{trail.map((org) => org.name).join(' › ')}</Text>
            <Text className="transfer-again tap" onClick={() => setTrail([])}>
              重新选择
            </Text>
          </View>
        )}
        {!picked && (
          <View>
            <Text className="transfer-step">{trail.length === 0 ? `转给哪个${LEVEL_LABELS[level]}` : '反映所在的村（社区）'}</Text>
            {!items?.length && <RemoteState remote={{ ...options, data: items }} empty={{ title: '这里没有可以转给的单位' }} />}
            {items?.map((org) => (
              <Choice
                key={org.id}
                label={org.name}
                hint={org.level === 'village' ? LEVEL_LABELS[org.level] : `${LEVEL_LABELS[org.level]}，下一步选村（社区）`}
                onPick={() => {
                  setTrail([...trail, org])
                  reason.setProblem(undefined)
                }}
              />
            ))}
          </View>
        )}
        {reason.field('转办理由（如：反映人住在道义村）', 500)}
        <BigButton type="primary" loading={busy} onClick={send}>
          确定转办
        </BigButton>
      </BottomSheet>
    </View>
  )
}
