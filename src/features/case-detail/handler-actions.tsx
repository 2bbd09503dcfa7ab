/**
 * The holder org's work on a case (convener or cadre): accept, record the outcome, report upward,
 * hand it to a lower level, bring in a partner department, note its reply. Only what the server says
 * she may do now is offered.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import { BigButton } from '../../shared/big-button'
import { LEVEL_LABELS, OUTCOME_LABELS, OUTCOMES, type CaseDetail, type Outcome } from '../../../types'
import { isOutOfDate, showError } from '../../shared/cloud-error'
import { acceptCase } from './api/accept-case'
import { assignDepartment } from './api/assign-department'
import { escalateCase } from './api/escalate-case'
import { handBackCase } from './api/hand-back-case'
import { recordDepartmentReply } from './api/record-department-reply'
import { resolveCase } from './api/resolve-case'

type Form = 'resolve' | 'escalate' | 'assign' | 'reply' | 'handBack' | null

export function HandlerActions({ detail, onChanged }: { detail: CaseDetail; onChanged: () => Promise<void> }) {
  const [form, setForm] = useState<Form>(null)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>('solved')
  const [text, setText] = useState('')
  const [department, setDepartment] = useState('')
  const [target, setTarget] = useState<string>()
  const [followUpDays, setFollowUpDays] = useState(7)
  const { can } = detail
  if (!can.accept && !can.resolve && !can.escalate && !can.assign && !can.reply && !can.handBack) return null

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await work()
      setForm(null)
      setText('')
      setDepartment('')
      void Taro.showToast({ title: done, icon: 'success' })
      await onChanged()
    } catch (error) {
      showError(error)
      if (isOutOfDate(error)) void onChanged()
    } finally {
      setBusy(false)
    }
  }
  const caseId = detail.id
  const escalate = async () => {
    setBusy(true)
    try {
      const { case: after } = await escalateCase({ caseId, reason: text })
      setForm(null)
      setText('')
      void Taro.showToast({ title: '已上报', icon: 'success' })
      // Sent above her level, it has left her hands (and her view): back to her queue.
      if (after) await onChanged()
      else setTimeout(() => void Taro.navigateBack(), 800)
    } catch (error) {
      showError(error)
    } finally {
      setBusy(false)
    }
  }
  const submit = () => {
    switch (form) {
      case 'resolve':
        return run(() => resolveCase({ caseId, outcome, resolution: text }), '已办结')
      case 'escalate':
        return escalate()
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
  const titles: Record<Exclude<Form, null>, string> = {
    resolve: '登记办理结果',
    escalate: '上报上一级妇联',
    assign: '协调相关部门',
    reply: '记录部门答复',
    handBack: '交下级办理',
  }

  return (
    <View className="card">
      <Text className="section-title">办理</Text>
      {detail.assignment && (
        <Text className="notice">
          已协调 {detail.assignment.department}
          {detail.assignment.answered ? '，部门已答复' : '，等待部门答复'}
        </Text>
      )}
      <View className="handler-buttons">
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
      </View>
      <Popup visible={form !== null} position="bottom" round title={form ? titles[form] : ''} onClose={() => setForm(null)}>
        <View className="handler-form">
          {form === 'resolve' && (
            <View className="outcomes">
              {OUTCOMES.map((o) => (
                <View key={o} className={`choice ${outcome === o ? 'choice-on' : ''}`} onClick={() => setOutcome(o)}>
                  <Text className="choice-label">{OUTCOME_LABELS[o]}</Text>
                </View>
              ))}
            </View>
          )}
          {form === 'assign' && (
            <View>
              <Input className="field-box" placeholder="部门名称，如：镇司法所" maxlength={40} value={department} onInput={(e) => setDepartment(e.detail.value)} />
              <View className="button-row followup">
                {[3, 7, 15].map((days) => (
                  <View key={days} className={`choice ${followUpDays === days ? 'choice-on' : ''}`} onClick={() => setFollowUpDays(days)}>
                    <Text className="choice-label">{days} 天后跟进</Text>
                  </View>
                ))}
              </View>
            </View>
          )}
          {form === 'handBack' &&
            detail.handBackTargets.map((org) => (
              <View key={org.id} className={`choice ${target === org.id ? 'choice-on' : ''}`} onClick={() => setTarget(org.id)}>
                <Text className="choice-label">{org.name}</Text>
                <Text className="choice-hint">{LEVEL_LABELS[org.level]}</Text>
              </View>
            ))}
          <Textarea
            className="field-box handler-text"
            placeholder={{ resolve: '办理情况', escalate: '上报理由', assign: '协调说明', reply: '部门答复', handBack: '交办意见' }[form ?? 'resolve']}
            maxlength={1000}
            value={text}
            onInput={(e) => setText(e.detail.value)}
          />
          <BigButton type="primary" loading={busy} onClick={submit}>
            确定
          </BigButton>
        </View>
      </Popup>
    </View>
  )
}
