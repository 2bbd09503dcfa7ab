/**
 * 添加任务: what is to be done, who does it — a person the server offers (the village council, the
 * holder's cadres; escalation.taskAssignees) or a 巾帼志愿者 by name and phone — and by when, picked
 * from a few days that fit before the case's resolve deadline (no date wheel to fight with).
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS, ROLE_LABELS, TASK_TITLE_MAX, type CaseDetail, type TaskAssignee, type TaskCandidate } from '../../../types'
import { BigButton } from '../../shared/big-button'
import { BottomSheet } from '../../shared/bottom-sheet'
import { Choice } from '../../shared/choice'
import { TextField } from '../../shared/text-field'
import { formatTime } from '../../shared/case-format'
import { useSubmit } from '../../shared/use-submit'
import { showError } from '../../shared/cloud-error'
import { planTask } from './api/plan-task'
import { listTaskAssignees } from './api/list-task-assignees'

const DAY = 86_400_000
const VOLUNTEER = 'volunteer'

/** 明天, 3 天后, 7 天后 while they fit, and the resolve deadline itself. */
export function dueChoices(asOf: string, resolveBy: string): { label: string; at: string }[] {
  const choices = [1, 3, 7]
    .map((days) => ({ label: days === 1 ? '明天' : `${days} 天后`, at: new Date(Date.parse(asOf) + days * DAY).toISOString() }))
    .filter((c) => Date.parse(c.at) < Date.parse(resolveBy))
  return [...choices, { label: '办结期限前', at: resolveBy }]
}

interface Props {
  detail: CaseDetail
  visible: boolean
  onClose: () => void
  onChanged: () => Promise<unknown>
}

export function PlanTaskSheet({ detail, visible, onClose, onChanged }: Props) {
  const [title, setTitle] = useState('')
  const [who, setWho] = useState<string>()
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [dueAt, setDueAt] = useState<string>()
  const [problem, setProblem] = useState<string>()
  const [people, setPeople] = useState<TaskCandidate[] | null>(null)
  const { busy, submit } = useSubmit()

  // Asked each time the sheet opens: who sits where may have changed since.
  useEffect(() => {
    if (!visible) return
    let live = true
    listTaskAssignees({ caseId: detail.id })
      .then((r) => live && setPeople(r.items))
      .catch((e: unknown) => (live && setPeople([]), showError(e)))
    return () => {
      live = false
    }
  }, [visible, detail.id])
  const close = () => {
    setTitle('')
    setWho(undefined)
    setName('')
    setPhone('')
    setDueAt(undefined)
    setProblem(undefined)
    setPeople(null)
    onClose()
  }
  const send = () => {
    if (!title.trim()) return setProblem('请写明要做什么，如：协助登记')
    if (!who) return setProblem('请选择由谁来做')
    if (who === VOLUNTEER && !name.trim()) return setProblem('请填写志愿者姓名')
    if (who === VOLUNTEER && phone.trim() && !/^1[3-9]\d{9}$/.test(phone.trim())) return setProblem('请填写 11 位手机号码，或不填')
    if (!dueAt) return setProblem('请选择什么时候前完成')
    const assignee: TaskAssignee =
      who === VOLUNTEER ? { kind: 'volunteer', name: name.trim(), ...(phone.trim() && { phone: phone.trim() }) } : { kind: 'member', openid: who }
    return submit(async () => {
      await planTask({ caseId: detail.id, title: title.trim(), assignee, dueAt })
      void Taro.showToast({ title: '已添加任务', icon: 'success' })
      close()
      await onChanged()
    }, onChanged)
  }
  return (
    <BottomSheet visible={visible} title="添加帮扶任务" className="sheet-scroll" onClose={close}>
      <Text className="plan-ask">要做什么</Text>
      <TextField value={title} max={TASK_TITLE_MAX} placeholder="如：协助登记、上门走访" onChange={(v) => (setTitle(v), setProblem(undefined))} />
      <Text className="plan-ask">由谁来做</Text>
      <View className="plan-people">
        {people === null && <Text className="muted">正在读取名单…</Text>}
        {(people ?? []).map((p) => (
          <Choice
            key={p.openid}
            on={who === p.openid}
            label={p.name ?? '（未登记姓名）'}
            hint={`${p.orgName}（${LEVEL_LABELS[p.level]}）${ROLE_LABELS[p.role]}`}
            onPick={() => (setWho(p.openid), setProblem(undefined))}
          />
        ))}
        <Choice on={who === VOLUNTEER} label="巾帼志愿者" hint="没有小程序账号也可以，由您代她登记完成" onPick={() => (setWho(VOLUNTEER), setProblem(undefined))} />
      </View>
      {who === VOLUNTEER && (
        <View>
          <TextField value={name} max={10} placeholder="志愿者姓名" onChange={(v) => (setName(v), setProblem(undefined))} />
          <TextField value={phone} max={11} digits placeholder="志愿者电话（可不填，只有办理人看得到）" onChange={(v) => (setPhone(v), setProblem(undefined))} />
        </View>
      )}
      <Text className="plan-ask">什么时候前完成</Text>
      <View className="plan-due">
        {dueChoices(detail.asOf, detail.resolveBy).map((c) => (
          <Choice key={c.label} on={dueAt === c.at} label={c.label} hint={formatTime(c.at, detail.asOf)} onPick={() => (setDueAt(c.at), setProblem(undefined))} />
        ))}
      </View>
      {problem && <Text className="error-text">{problem}</Text>}
      <BigButton type="primary" loading={busy} onClick={send}>
        添加任务
      </BigButton>
    </BottomSheet>
  )
}
