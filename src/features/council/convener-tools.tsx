/**
 * The convener's tools on a deliberation: record the ballot of a member who agreed by phone (代投票,
 * kept in the audit trail with a note), close the vote now (关闭表决), bind the council's WeChat group
 * (绑定本群: weapp from the group's share ticket; locally a simulated group id typed in).
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import type { DeliberationDetail } from '../../../types'
import { BigButton } from '../../shared/big-button'
import { showError } from '../../shared/cloud-error'
import { IS_LOCAL_MODE } from '../../shared/local-mode'
import { bindGroup } from './api/bind-group'
import { castProxyBallot } from './api/cast-proxy-ballot'
import { closeDeliberation } from './api/close-deliberation'
import { groupCloudId, LOCAL_GROUP_ID } from './group-chat'

type Sheet = 'proxy' | 'bind' | null

interface Props {
  detail: DeliberationDetail
  onChanged: (next?: DeliberationDetail) => Promise<void> | void
}

export function ConvenerTools({ detail, onChanged }: Props) {
  const [sheet, setSheet] = useState<Sheet>(null)
  const [busy, setBusy] = useState(false)
  const [member, setMember] = useState<string>()
  const [choices, setChoices] = useState<number[]>([])
  const [note, setNote] = useState('')
  const [groupId, setGroupId] = useState('')
  const { can } = detail
  const waiting = (detail.roll ?? []).filter((r) => !r.voted)
  if (!can.proxyVote && !can.close && !can.bindGroup && !(detail.groupBound && detail.roll)) return null

  const run = async (work: () => Promise<DeliberationDetail | undefined>, done: string): Promise<boolean> => {
    setBusy(true)
    try {
      const next = await work()
      setSheet(null)
      void Taro.showToast({ title: done, icon: 'success' })
      await onChanged(next)
      return true
    } catch (error) {
      showError(error)
      return false
    } finally {
      setBusy(false)
    }
  }

  const proxy = () => {
    if (!member) return void Taro.showToast({ title: '请选择替谁投票', icon: 'none' })
    if (choices.length === 0) return void Taro.showToast({ title: '请选择她同意的选项', icon: 'none' })
    if (!note.trim()) return void Taro.showToast({ title: '请写明代投说明', icon: 'none' })
    return run(
      async () =>
        (await castProxyBallot({ deliberationId: detail.id, memberOpenid: member, choices, note: note.trim() }))
          .deliberation,
      '已代投',
    ).then((ok) => {
      if (!ok) return
      setMember(undefined)
      setChoices([])
      setNote('')
    })
  }

  const close = async () => {
    const { confirm } = await Taro.showModal({
      title: '关闭表决',
      content: `现在 ${detail.turnout.ballots} / ${detail.turnout.members} 人已投票。关闭后不能再投票，按现在的票数得出结果${detail.caseId ? '，并写入反映的办理进度' : ''}。`,
      confirmText: '确定关闭',
      cancelText: '再等等',
    })
    if (!confirm) return
    await run(async () => (await closeDeliberation({ deliberationId: detail.id })).deliberation, '已关闭表决')
  }

  const bind = async () => {
    if (IS_LOCAL_MODE) {
      if (!LOCAL_GROUP_ID.test(groupId.trim())) return void Taro.showToast({ title: '群编号只能用字母、数字、- 和 _', icon: 'none' })
      return run(async () => {
        await bindGroup({ orgId: detail.orgId, localGroupId: groupId.trim() })
        return undefined
      }, '已绑定本群')
    }
    const cloudID = await groupCloudId()
    if (!cloudID) {
      await Taro.showModal({
        title: '请在议事会微信群里绑定',
        content: '先点“分享到议事会微信群”，再从群里点开这张卡片，然后点“绑定本群”。',
        showCancel: false,
        confirmText: '知道了',
      })
      return
    }
    await run(async () => {
      await bindGroup({ orgId: detail.orgId, cloudID })
      return undefined
    }, '已绑定本群')
  }

  const pickChoice = (index: number) =>
    setChoices((c) => (detail.multiple ? (c.includes(index) ? c.filter((i) => i !== index) : [...c, index].sort((a, b) => a - b)) : [index]))

  return (
    <View className="card council-tools">
      <Text className="section-title">主任工具</Text>
      {detail.groupBound && <Text className="muted council-line">已绑定议事会微信群：群里的议事卡片会直接打开议事。</Text>}
      {!IS_LOCAL_MODE && detail.status === 'open' && (
        <BigButton openType="share">分享到议事会微信群</BigButton>
      )}
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

      <Popup visible={sheet === 'proxy'} position="bottom" round title="代投票" onClose={() => setSheet(null)}>
        <View className="council-sheet">
          <Text className="council-subtitle">替谁投票（电话里已确认同意的成员）</Text>
          {waiting.map((r) => (
            <View key={r.openid} className={`choice ${member === r.openid ? 'choice-on' : ''}`} onClick={() => setMember(r.openid)}>
              <Text className="choice-label">{r.name}</Text>
            </View>
          ))}
          <Text className="council-subtitle">她同意的选项{detail.multiple ? '（可多选）' : ''}</Text>
          {detail.options.map((option, index) => (
            <View key={index} className={`choice ${choices.includes(index) ? 'choice-on' : ''}`} onClick={() => pickChoice(index)}>
              <Text className="choice-label">{option}</Text>
            </View>
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
        </View>
      </Popup>

      <Popup visible={sheet === 'bind'} position="bottom" round title="绑定本群" onClose={() => setSheet(null)}>
        <View className="council-sheet">
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
        </View>
      </Popup>
    </View>
  )
}
