/**
 * The holder org's work on a case (convener or cadre): accept, record the outcome, report upward,
 * hand it to a lower level, bring in a partner department, note its reply. Only what the server says
 * she may do now is offered. The page may put help to write the outcome under its choices (`resolveAid`:
 * the standard answers, which another feature reads); what it fills in stays hers to change.
 */
import { useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { BigButton } from '../../shared/big-button'
import { BottomSheet } from '../../shared/bottom-sheet'
import { Card } from '../../shared/card'
import { Choice } from '../../shared/choice'
import { useSubmit } from '../../shared/use-submit'
import { LEVEL_LABELS, OPEN_TASK_ENDINGS, OUTCOME_LABELS, OUTCOMES, type CaseDetail, type OpenTaskEnding, type Outcome } from '../../../types'
import { acceptCase } from './api/accept-case'
import { assignDepartment } from './api/assign-department'
import { escalateCase } from './api/escalate-case'
import { handBackCase } from './api/hand-back-case'
import { recordDepartmentReply } from './api/record-department-reply'
import { resolveCase } from './api/resolve-case'

type Form = 'resolve' | 'escalate' | 'assign' | 'reply' | 'handBack'

/** What became of the 帮扶方案's open tasks, as the 办结 sheet asks. */
const ENDING_LABELS: Record<OpenTaskEnding, string> = { done: '其实已经完成了', dropped: '不再需要了' }

/** Each form's title, and what its text box asks for. */
const FORMS: Record<Form, { title: string; placeholder: string }> = {
  resolve: { title: '登记办理结果', placeholder: '办理情况' },
  escalate: { title: '上报上一级妇联', placeholder: '上报理由' },
  assign: { title: '协调相关部门', placeholder: '协调说明' },
  reply: { title: '记录部门答复', placeholder: '部门答复' },
  handBack: { title: '交下级办理', placeholder: '交办意见' },
}

interface Props {
  detail: CaseDetail
  onChanged: () => Promise<void>
  /** Shown in the 办结 sheet above the text box; `fill` replaces the box's text. */
  resolveAid?: (fill: (text: string) => void) => ReactNode
}

export function HandlerActions({ detail, onChanged, resolveAid }: Props) {
  const [form, setForm] = useState<Form | null>(null)
  const { busy, submit } = useSubmit()
  const [outcome, setOutcome] = useState<Outcome>('solved')
  const [text, setText] = useState('')
  const [department, setDepartment] = useState('')
  const [target, setTarget] = useState<string>()
  const [followUpDays, setFollowUpDays] = useState(7)
  const [openTasks, setOpenTasks] = useState<OpenTaskEnding>()
  const { can } = detail
  if (!can.accept && !can.resolve && !can.escalate && !can.assign && !can.reply && !can.handBack) return null

  const run = (work: () => Promise<{ case: CaseDetail | null }>, done: string) =>
    submit(async () => {
      const { case: after } = await work()
      setForm(null)
      setText('')
      setDepartment('')
      void Taro.showToast({ title: done, icon: 'success' })
      // Sent above her level, it has left her hands (and her view): back to her queue.
      if (after) await onChanged()
      else setTimeout(() => void Taro.navigateBack(), 800)
    }, onChanged)
  const caseId = detail.id
  const openCount = (detail.tasks ?? []).filter((t) => t.status === 'open').length
  const confirm = () => {
    switch (form) {
      case 'resolve':
        // With open 帮扶任务 she must say what became of them (the server asks the same).
        if (openCount > 0 && !openTasks) return void Taro.showToast({ title: '请说明未完成的帮扶任务', icon: 'none' })
        return run(() => resolveCase({ caseId, outcome, resolution: text, ...(openCount > 0 && openTasks && { openTasks }) }), '已办结')
      case 'escalate':
        return run(() => escalateCase({ caseId, reason: text }), '已上报')
      case 'assign': {
        const followUpBy = new Date(Date.parse(detail.asOf) + followUpDays * 86_400_000).toISOString()
        return run(() => assignDepartment({ caseId, department, note: text, followUpBy }), '已转部门')
      }
      case 'handBack':
        if (!target) return void Taro.showToast({ title: '请选择交办单位', icon: 'none' })
        return run(() => handBackCase({ caseId, toOrgId: target, instructions: text }), '已交办')
      case 'reply':
        return run(() => recordDepartmentReply({ caseId, reply: text }), '已记录')
      default:
        return undefined
    }
  }
  return (
    <Card title="办理">
      {detail.assignment && (
        <Text className="notice">
          已协调 {detail.assignment.department}
          {detail.assignment.answered ? '，部门已答复' : '，等待部门答复'}
        </Text>
      )}
      <View className="button-stack">
        {can.accept && (
          <BigButton type="primary" loading={busy} onClick={() => run(() => acceptCase({ caseId }), '已受理')}>
            受理
          </BigButton>
        )}
        {can.resolve && <BigButton type="primary" onClick={() => setForm('resolve')}>办结</BigButton>}
        {can.assign && !detail.assignment && <BigButton onClick={() => setForm('assign')}>协调部门</BigButton>}
        {can.reply && detail.assignment && !detail.assignment.answered && (
          <BigButton onClick={() => setForm('reply')}>记录部门答复</BigButton>
        )}
        {can.escalate && <BigButton onClick={() => setForm('escalate')}>上报上级</BigButton>}
        {can.handBack && detail.handBackTargets.length > 0 && (
          <BigButton onClick={() => setForm('handBack')}>交下级办理</BigButton>
        )}
        {/* While it is still being handled, the council can deliberate on it (the server checks who may). */}
        {(can.accept || can.resolve) && (
          <BigButton onClick={() => void Taro.navigateTo({ url: `/council/pages/create/index?caseId=${caseId}` })}>就此发起议事</BigButton>
        )}
      </View>
      <BottomSheet visible={form !== null} title={form ? FORMS[form].title : ''} className="sheet-scroll" onClose={() => setForm(null)}>
        {form === 'resolve' && (
          <View className="outcomes">
            {OUTCOMES.map((o) => (
              <Choice key={o} on={outcome === o} label={OUTCOME_LABELS[o]} onPick={() => setOutcome(o)} />
            ))}
          </View>
        )}
        {form === 'resolve' && openCount > 0 && (
          <View className="open-tasks">
            <Text className="notice">还有 {openCount} 项帮扶任务未完成，它们现在怎样了？</Text>
            {OPEN_TASK_ENDINGS.map((ending) => (
              <Choice key={ending} on={openTasks === ending} label={ENDING_LABELS[ending]} onPick={() => setOpenTasks(ending)} />
            ))}
          </View>
        )}
        {form === 'resolve' && resolveAid?.(setText)}
        {form === 'assign' && (
          <View>
            <Input className="field-box" placeholder="部门名称，如：镇司法所" maxlength={40} value={department} onInput={(e) => setDepartment(e.detail.value)} />
            <View className="button-row followup">
              {[3, 7, 15].map((days) => (
                <Choice key={days} on={followUpDays === days} label={`${days} 天后跟进`} onPick={() => setFollowUpDays(days)} />
              ))}
            </View>
          </View>
        )}
        {form === 'handBack' &&
          detail.handBackTargets.map((org) => (
            <Choice key={org.id} on={target === org.id} label={org.name} hint={LEVEL_LABELS[org.level]} onPick={() => setTarget(org.id)} />
          ))}
        <Textarea
          className="field-box textarea"
          placeholder={FORMS[form ?? 'resolve'].placeholder}
          maxlength={1000}
          value={text}
          onInput={(e) => setText(e.detail.value)}
        />
        <BigButton type="primary" loading={busy} onClick={confirm}>
          确定
        </BigButton>
      </BottomSheet>
    </Card>
  )
}
