/**
 * 发起议事: on a case (`?caseId=`) or a free topic. The form checks itself with the contract's schema
 * before sending; on success the deliberation page replaces this one.
 */
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CATEGORY_LABELS, DELIBERATION_BACKGROUND_MAX, DELIBERATION_TITLE_MAX, SENSITIVE_CATEGORIES } from '../../../../types'
import { useRemote } from '../../../shared/use-remote'
import { useSubmit } from '../../../shared/use-submit'
import { BigButton } from '../../../shared/big-button'
import { caseNumber } from '../../../shared/case-format'
import { Card } from '../../../shared/card'
import { getMe } from '../../../features/account/api/get-me'
import { runsCouncil } from '../../../features/account/roles'
import { getCase } from '../../../features/cases/api/get-case'
import { openDeliberation } from '../../../features/council/api/open-deliberation'
import { DeliberationForm } from '../../../features/council/deliberation-form'
import { noteServerTime, useServerNow } from '../../../features/council/server-clock'
import {
  noErrors,
  toOpenInput,
  validateDeliberation,
  type DeliberationDraft,
  type DraftErrors,
} from '../../../features/council/validate-deliberation'
import '../../../features/council/council.css'
import { PageState } from '../../../shared/remote-state'
import { Page } from '../../../shared/page'

const NO_ERRORS: DraftErrors = { fields: {}, options: {} }

async function loadContext(caseId: string | undefined) {
  const [me, found] = await Promise.all([
    getMe(),
    caseId ? getCase({ caseId }).then((r) => r.case) : Promise.resolve(undefined),
  ])
  if (found) noteServerTime(found.asOf)
  return { councils: me.roles.filter(runsCouncil), found }
}

export default function CreateDeliberationPage() {
  const caseId = useRouter().params.caseId || undefined
  const remote = useRemote(() => loadContext(caseId), [caseId])
  const { data, error } = remote
  const now = useServerNow()
  const [draft, setDraft] = useState<DeliberationDraft>({
    orgId: '',
    ...(caseId && { caseId }),
    title: '',
    background: '',
    options: ['', ''],
    multiple: false,
    anonymous: false,
  })
  // Taro's H5 inputs throw when their value changes before they first render: the form appears only
  // once the draft holds what the case fills in, so its fields start with their values.
  const [prefilled, setPrefilled] = useState(false)
  const [quorumText, setQuorumText] = useState<string>()
  const [errors, setErrors] = useState<DraftErrors>(NO_ERRORS)
  const { busy: sending, submit: send } = useSubmit()

  const found = data?.found
  const sensitive = found ? found.redacted || SENSITIVE_CATEGORIES.includes(found.category) : false

  useEffect(() => {
    if (!data) return
    const { councils } = data
    // The council holding the case, else the one she runs.
    const home =
      councils.find((c) => c.orgId === found?.holderOrgId) ?? councils.find((c) => c.orgId === found?.villageId) ?? councils[0]
    setDraft((d) => ({
      ...d,
      orgId: d.orgId || home?.orgId || '',
      // A case that is not sensitive starts the form; a sensitive one is never copied into a text members read.
      ...(found && !sensitive && !d.title && !d.background
        ? { title: found.title.slice(0, DELIBERATION_TITLE_MAX), background: found.content.slice(0, DELIBERATION_BACKGROUND_MAX) }
        : {}),
    }))
    setPrefilled(true)
  }, [data, found, sensitive])

  const change = (patch: Partial<DeliberationDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setErrors((e) => {
      const fields = { ...e.fields }
      for (const key of Object.keys(patch)) delete fields[key as keyof typeof fields]
      return { fields, options: 'options' in patch ? {} : e.options }
    })
  }
  const changeQuorum = (text: string | undefined) => {
    setQuorumText(text)
    setErrors((e) => ({ ...e, fields: { ...e.fields, quorum: undefined } }))
  }

  const submit = async () => {
    const ready: DeliberationDraft = {
      ...draft,
      quorum: quorumText === undefined ? undefined : quorumText.trim() === '' ? Number.NaN : Number(quorumText),
    }
    const problems = validateDeliberation(ready, now)
    if (quorumText !== undefined && quorumText.trim() === '') problems.fields.quorum = '请填写法定人数'
    setErrors(problems)
    const input = toOpenInput(ready)
    if (!noErrors(problems) || !input) {
      // The first problem from the top of the form.
      const { fields, options } = problems
      const first =
        fields.orgId ?? fields.title ?? fields.background ?? Object.values(options)[0] ?? fields.options ?? fields.closesAt ?? fields.quorum ?? fields.passRatio
      void Taro.showToast({ title: first ?? '请检查填写内容', icon: 'none' })
      return
    }
    await send(async () => {
      const { deliberationId } = await openDeliberation(input)
      void Taro.showToast({ title: '已发起', icon: 'success' })
      void Taro.redirectTo({ url: `/council/pages/deliberation/index?id=${deliberationId}` })
    })
  }

  if (data && data.councils.length > 0 && !prefilled) return <View className="page" />
  if (error || !data?.councils.length) {
    const notAConvener = { title: '只有村（社区）议事会主任或妇联干部可以发起议事', hint: '您可以在议事中发表意见、投票。' }
    return <PageState remote={remote} empty={notAConvener} />
  }

  return (
    <Page>
      {found && (
        <Card title="关于这条反映">
          <Text className="council-line">
            {found.title}（编号 {caseNumber(found.id)}）
          </Text>
          <Text className="muted council-line">{CATEGORY_LABELS[found.category]}</Text>
          {sensitive ? (
            <Text className="notice notice-danger">
              这条反映涉及个人隐私。议题和背景全体议事会成员都能看到，请写得中性：不写姓名、住址、电话和具体遭遇。微信群里的卡片只显示“议事会议题”。
            </Text>
          ) : (
            <Text className="notice">已按反映内容填好议题和背景，可以修改。表决结果会写入这条反映的办理进度。</Text>
          )}
        </Card>
      )}
      <DeliberationForm
        draft={draft}
        errors={errors}
        councils={data.councils}
        now={now}
        quorumText={quorumText}
        onQuorumText={changeQuorum}
        onChange={change}
      />
      <BigButton type="primary" loading={sending} disabled={sending} onClick={submit}>
        {sending ? '正在发起' : '发起议事'}
      </BigButton>
    </Page>
  )
}
