/**
 * 我要反映: fill in (the draft is kept as she types) → preview → send (a failed send keeps the draft
 * and resends with the same request id) → done, with an offer to be told of each step.
 */
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { BigButton } from '../../shared/big-button'
import { Card } from '../../shared/card'
import { Text, View } from '@tarojs/components'
import type { IntakeResults } from '../../../types'
import { useSubmit } from '../../shared/use-submit'
import { submitReport } from '../../features/report/api/submit-report'
import { ReportForm, sectionOf } from '../../features/report/report-form'
import { ReportPreview } from '../../features/report/report-preview'
import { emptyDraft, finishDraft, forgetDraft, loadDraft, saveDraft, type ReportDraft } from '../../features/report/report-draft'
import { toSubmitInput, validateReport, type FieldErrors } from '../../features/report/validate-report'
import { useAllowMessages } from '../../features/notify/use-allow-messages'
import { AllowMessagesDialog } from '../../features/notify/allow-messages-dialog'
import { PrivacyConsent } from '../../features/privacy/privacy-consent'
import { caseNumber } from '../../shared/case-format'
import { useMe } from '../../features/account/use-me'
import { hasRole } from '../../features/account/roles'
import './index.css'
import { Page } from '../../shared/page'

type Step = 'edit' | 'preview' | 'sending' | 'done'

export default function ReportPage() {
  const [draft, setDraft] = useState<ReportDraft>(loadDraft)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [step, setStep] = useState<Step>('edit')
  const [result, setResult] = useState<IntakeResults['submit']>()
  const messages = useAllowMessages()
  const { submit } = useSubmit()
  const touched = useRef(false)
  const me = useMe()

  useEffect(() => {
    if (touched.current) saveDraft(draft)
  }, [draft])

  // Her own village, chosen for her when she has not picked one (the last report's is remembered in
  // the draft): the council she sits on, else her home village. She can still change it.
  useEffect(() => {
    const mine = me.data
    if (!mine || draft.villageId) return
    const seat = mine.roles.find((b) => b.level === 'village')
    const village = seat ? { id: seat.orgId, name: seat.orgName } : mine.homeOrgId ? { id: mine.homeOrgId, name: mine.homeOrgName ?? '' } : null
    if (village) setDraft((d) => (d.villageId ? d : { ...d, villageId: village.id, villageName: village.name }))
  }, [me.data])

  const change = (patch: Partial<ReportDraft>) => {
    touched.current = true
    setDraft((d) => ({ ...d, ...patch }))
    setErrors((e) => {
      const next = { ...e }
      for (const key of Object.keys(patch)) delete next[key as keyof FieldErrors]
      return next
    })
  }

  const preview = () => {
    const found = validateReport(draft)
    setErrors(found)
    // The first problem from the top of the form: scrolled to, marked, and said.
    const first = (Object.keys(sectionOf) as (keyof FieldErrors)[]).find((field) => found[field])
    if (first) {
      void Taro.pageScrollTo({ selector: `#${sectionOf[first]}`, duration: 300 })
      void Taro.showToast({ title: found[first] ?? '请检查填写内容', icon: 'none' })
      return
    }
    setStep('preview')
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  const send = async () => {
    const input = toSubmitInput(draft)
    if (!input) {
      // Only a checked draft reaches the preview; should one not pass, the form shows her why.
      setStep('edit')
      return preview()
    }
    setStep('sending')
    const sent = await submit(() => submitReport(input))
    // On a failure the draft and its request id stay: "重新提交" sends the same report again, never a second one.
    if (!sent) return setStep('preview')
    finishDraft(draft)
    setResult(sent)
    setStep('done')
    messages.offer('after_report')
  }

  if (step === 'done' && result) {
    return (
      <Page>
        <View className="card done">
          <Text className="done-mark">✓</Text>
          <Text className="title">已提交</Text>
          <Text className="muted">反映编号 {caseNumber(result.caseId)}</Text>
          <Text className="done-text">村（社区）议事会将在 24 小时内受理；超时未受理会自动转到上一级妇联。</Text>
        </View>
        {messages.offered && (
          <Card title="办理有进展时通知我">
            <Text className="muted">受理、转办、办结时，通过微信消息告诉您。</Text>
            <BigButton type="primary" onClick={messages.allow}>
              接收进度通知
            </BigButton>
          </Card>
        )}
        {messages.subscribed !== undefined && (
          <Text className="notice">
            {messages.subscribed ? '好的，有进展会通知您。' : '没有开启微信通知，进展仍会显示在“消息”里。'}
          </Text>
        )}
        <BigButton
          onClick={() => Taro.redirectTo({ url: `/pages/case/index?id=${result.caseId}` })}
        >
          查看办理进度
        </BigButton>
        <AllowMessagesDialog visible={messages.asking} templates={messages.templates} onAnswer={messages.answered} />
      </Page>
    )
  }

  return (
    <Page>
      {step === 'edit' ? (
        <ReportForm draft={draft} errors={errors} onChange={change} canFileOnBehalf={hasRole(me.data?.roles, 'member', 'convener')} />
      ) : (
        <ReportPreview draft={draft} />
      )}
      {step === 'edit' && (
        <View>
          <BigButton type="primary" onClick={preview}>
            下一步：核对
          </BigButton>
          <Text className="muted clear-draft link" onClick={() => Taro.navigateTo({ url: '/pages/privacy/index' })}>
            隐私说明：谁能看到我反映的内容
          </Text>
          {touched.current && (
            <Text
              className="muted clear-draft"
              onClick={() => {
                touched.current = false
                setDraft(emptyDraft())
                setErrors({})
                forgetDraft()
              }}
            >
              清空重写
            </Text>
          )}
        </View>
      )}
      <PrivacyConsent />
      {step !== 'edit' && (
        <View className="button-row">
          <BigButton disabled={step === 'sending'} onClick={() => setStep('edit')}>
            返回修改
          </BigButton>
          <BigButton type="primary" loading={step === 'sending'} onClick={send}>
            {step === 'sending' ? '正在提交' : '确认提交'}
          </BigButton>
        </View>
      )}
    </Page>
  )
}
