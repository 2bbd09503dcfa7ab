/**
 * The convener's tools on a deliberation: record the ballot of a member who agreed by phone (代投票,
 * kept in the audit trail with a note), close the vote now (关闭表决), bind the council's WeChat group
 * (绑定本群: weapp from the group's share ticket; locally a simulated group id typed in), and remind
 * those who have not voted (提醒未投票的成员: by subscription message through the server, throttled;
 * in WeChat's chat-tool mode also @ them in the group: group-card.ts).
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text } from '@tarojs/components'
import type { DeliberationDetail } from '../../../types'
import { BigButton } from '../../shared/big-button'
import { BottomSheet } from '../../shared/bottom-sheet'
import { Card } from '../../shared/card'
import { Choice } from '../../shared/choice'
import { IS_LOCAL_MODE } from '../../shared/local-mode'
import { useSubmit } from '../../shared/use-submit'
import { bindGroup } from './api/bind-group'
import { castProxyBallot } from './api/cast-proxy-ballot'
import { closeDeliberation } from './api/close-deliberation'
import { toggleChoice } from './council-format'
import { groupCloudId, LOCAL_GROUP_ID } from './group-chat'
import { inChatTool, notifyInGroup } from './group-card'
import { remindVoters } from './api/remind-voters'
import { formatTime } from '../../shared/case-format'
import { BRAND, confirmFirst } from '../../shared/confirm'

type Sheet = 'proxy' | 'bind' | null

interface Props {
  detail: DeliberationDetail
  /** The server's now (the throttle's next time is shown against it). */
  now: string
  /** What the group card says now, once the page has it (weapp). */
  cardLabel?: string
  onChanged: (next?: DeliberationDetail) => Promise<void> | void
}

export function ConvenerTools({ detail, now, cardLabel, onChanged }: Props) {
  const [sheet, setSheet] = useState<Sheet>(null)
  const { busy, submit } = useSubmit()
  const [member, setMember] = useState<string>()
  const [choices, setChoices] = useState<number[]>([])
  const [note, setNote] = useState('')
  const [groupId, setGroupId] = useState('')
  const { can } = detail
  const waiting = (detail.roll ?? []).filter((r) => !r.voted)
  if (!can.proxyVote && !can.close && !can.bindGroup && !can.remind) return null

  const run = (work: () => Promise<DeliberationDetail | undefined>, done: string) =>
    submit(async () => {
      const next = await work()
      setSheet(null)
      void Taro.showToast({ title: done, icon: 'success' })
      await onChanged(next)
    })

  const proxy = () => {
    if (!member) return void Taro.showToast({ title: '请选择替谁投票', icon: 'none' })
    if (choices.length === 0) return void Taro.showToast({ title: '请选择她同意的选项', icon: 'none' })
    if (!note.trim()) return void Taro.showToast({ title: '请写明代投说明', icon: 'none' })
    return run(async () => {
      const { deliberation } = await castProxyBallot({ deliberationId: detail.id, memberOpenid: member, choices, note: note.trim() })
      setMember(undefined)
      setChoices([])
      setNote('')
      return deliberation
    }, '已代投')
  }

  const close = async () => {
    const agreed = await confirmFirst({
      title: '关闭表决',
      content: `现在 ${detail.turnout.ballots} / ${detail.turnout.members} 人已投票。关闭后不能再投票，按现在的票数得出结果${detail.caseId ? '，并写入反映的办理进度' : ''}。`,
      confirmText: '确定关闭',
      cancelText: '再等等',
    })
    if (!agreed) return
    await run(async () => (await closeDeliberation({ deliberationId: detail.id })).deliberation, '已关闭表决')
  }

  const remind = () =>
    submit(async () => {
      const reminded = await remindVoters({ deliberationId: detail.id })
      const inGroup = inChatTool() && (await notifyInGroup(reminded.chatTool))
      void Taro.showToast({ title: `已提醒 ${reminded.reminded} 人${inGroup ? '，并在群里@了她们' : ''}`, icon: 'none' })
      await onChanged()
    })

  const bindTo = (group: { localGroupId: string } | { cloudID: string }) =>
    run(async () => {
      await bindGroup({ orgId: detail.orgId, ...group })
      return undefined
    }, '已绑定本群')
  const bind = async () => {
    if (IS_LOCAL_MODE) {
      if (!LOCAL_GROUP_ID.test(groupId.trim())) return void Taro.showToast({ title: '群编号只能用字母、数字、- 和 _', icon: 'none' })
      return bindTo({ localGroupId: groupId.trim() })
    }
    const cloudID = await groupCloudId()
    if (!cloudID) {
      await Taro.showModal({
        title: '请在议事会微信群里绑定',
        content: '先点“分享到议事会微信群”，再从群里点开这张卡片，然后点“绑定本群”。',
        showCancel: false,
        confirmText: '知道了',
        confirmColor: BRAND,
      })
      return
    }
    await bindTo({ cloudID })
  }

  return (
    <Card title="主任工具" className="button-stack">
      {detail.groupBound && <Text className="muted council-line">已绑定议事会微信群：群里的议事卡片会直接打开议事。</Text>}
      {!IS_LOCAL_MODE && detail.status === 'open' && (
        <BigButton openType="share">分享到议事会微信群</BigButton>
      )}
      {!IS_LOCAL_MODE && detail.status === 'open' && cardLabel && (
        <Text className="muted council-line">群里的议事卡片会随投票自动更新，现在显示：{cardLabel}。</Text>
      )}
      {IS_LOCAL_MODE && detail.status === 'open' && (
        <Text className="muted council-line">
          在微信里，分享到群的议事卡片会随投票自动更新（几人已参与、即将截止、已结束）。本地演示没有微信群，不能分享卡片；提醒仍会发到成员的“消息”。
        </Text>
      )}
      {can.remind &&
        (detail.remindAgainAt ? (
          <Text className="muted council-line">已提醒过未投票的成员，{formatTime(detail.remindAgainAt, now)} 后可以再提醒。</Text>
        ) : (
          waiting.length > 0 && (
            <BigButton loading={busy && sheet === null} onClick={remind}>
              提醒未投票的成员
            </BigButton>
          )
        ))}
      {can.proxyVote && waiting.length > 0 && <BigButton onClick={() => setSheet('proxy')}>代投票</BigButton>}
      {can.bindGroup && (
        <BigButton onClick={() => (IS_LOCAL_MODE ? setSheet('bind') : void bind())}>
          {detail.groupBound ? '重新绑定本群' : '绑定本群'}
        </BigButton>
      )}
      {can.close && (
        <BigButton type="primary" loading={busy && sheet === null} onClick={close}>
          关闭表决
        </BigButton>
      )}

      <BottomSheet visible={sheet === 'proxy'} title="代投票" className="council-sheet" onClose={() => setSheet(null)}>
        <Text className="council-subtitle">替谁投票（电话里已确认同意的成员）</Text>
        {waiting.map((r) => (
          <Choice key={r.openid} on={member === r.openid} label={r.name} onPick={() => setMember(r.openid)} />
        ))}
        <Text className="council-subtitle">她同意的选项{detail.multiple ? '（可多选）' : ''}</Text>
        {detail.options.map((option, index) => (
          <Choice
            key={index}
            on={choices.includes(index)}
            label={option}
            onPick={() => setChoices((c) => toggleChoice(c, index, detail.multiple))}
          />
        ))}
        <Input
          className="field-box"
          placeholder="代投说明，如：电话确认，本人同意"
          maxlength={200}
          value={note}
          onInput={(e) => setNote(e.detail.value)}
        />
        <Text className="muted council-line">代投会记入投票记录，注明由您代投。</Text>
        <BigButton type="primary" loading={busy} onClick={proxy}>
          确认代投
        </BigButton>
      </BottomSheet>

      <BottomSheet visible={sheet === 'bind'} title="绑定本群" className="council-sheet" onClose={() => setSheet(null)}>
        <Text className="muted council-line">
          本地演示没有微信群：用一个群编号代表议事会的微信群。绑定后，从“议事”页带上 ?groupId=编号 打开，会直接进入本议事会进行中的议事。
        </Text>
        <Input
          className="field-box"
          placeholder="群编号，如 puhe-council"
          maxlength={64}
          value={groupId}
          onInput={(e) => setGroupId(e.detail.value)}
        />
        <BigButton type="primary" loading={busy} onClick={bind}>
          绑定
        </BigButton>
      </BottomSheet>
    </Card>
  )
}
