/**
 * 发起调研: where (her org, or one of hers), whom to ask (居民 or 议事会成员), the title, the questions —
 * each 单选, 多选 or 填空, its options one a line — and for how long (days from the server's now).
 * Checked by the contract's own rule and words before it is sent; the server checks again (the
 * deadline, repeated options) and runs WeChat's content check.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  LEVEL_LABELS,
  outreachContract,
  SURVEY_AUDIENCES,
  SURVEY_AUDIENCE_LABELS,
  SURVEY_QUESTION_MAX,
  SURVEY_TITLE_MAX,
  type PublishPlace,
  type SurveyAudience,
} from '../../../types'
import { BigButton } from '../../shared/big-button'
import { Card } from '../../shared/card'
import { Choice } from '../../shared/choice'
import { TextField } from '../../shared/text-field'
import { useSubmit } from '../../shared/use-submit'
import { openSurvey } from './api/open-survey'
import './surveys.css'

type Kind = 'single' | 'multiple' | 'free'
const KIND_LABELS: Record<Kind, string> = { single: '单选', multiple: '多选', free: '填空' }
interface Draft {
  text: string
  kind: Kind
  /** One option a line. */
  options: string
}
const DAYS = [3, 7, 14, 30]
const DAY = 86_400_000
const AUDIENCE_HINTS: Record<SurveyAudience, string> = { residents: '辖区内的群众（含议事会成员）', members: '辖区内各村（社区）议事会成员' }

interface Props {
  places: PublishPlace[]
  /** The server's now: the deadline is counted from it. */
  now: string
  onDone: (opened: boolean) => void
}

const toQuestion = (d: Draft) =>
  d.kind === 'free'
    ? { text: d.text, free: true as const }
    : { text: d.text, options: d.options.split('\n').map((o) => o.trim()).filter(Boolean), multiple: d.kind === 'multiple' }

export function OpenSurveyForm({ places, now, onDone }: Props) {
  const [orgId, setOrgId] = useState(places[0]?.orgId)
  const [audience, setAudience] = useState<SurveyAudience>('residents')
  const [title, setTitle] = useState('')
  const [drafts, setDrafts] = useState<Draft[]>([{ text: '', kind: 'single', options: '' }])
  const [days, setDays] = useState(7)
  const [error, setError] = useState<string>()
  const { busy, submit } = useSubmit()
  const edit = (i: number, change: Partial<Draft>) => {
    setDrafts((all) => all.map((d, j) => (j === i ? { ...d, ...change } : d)))
    setError(undefined)
  }

  const send = async () => {
    const closesAt = new Date(Date.parse(now) + days * DAY).toISOString()
    const parsed = outreachContract.openSurvey.safeParse({ orgId, title, audience, closesAt, questions: drafts.map(toQuestion) })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const at = issue?.path[0] === 'questions' && typeof issue.path[1] === 'number' ? `第 ${issue.path[1] + 1} 题：` : ''
      return setError(`${at}${issue?.message ?? '请检查填写的内容'}`)
    }
    if (await submit(() => openSurvey(parsed.data))) onDone(true)
  }

  return (
    <Card title="发起调研">
      {places.length > 1 ? (
        <View role="radiogroup" aria-label="发起单位">
          {places.map((p) => (
            <Choice key={p.orgId} on={orgId === p.orgId} label={p.orgName} hint={LEVEL_LABELS[p.level]} onPick={() => setOrgId(p.orgId)} />
          ))}
        </View>
      ) : (
        places[0] && <Text className="muted survey-line">发起单位：{places[0].orgName}（{LEVEL_LABELS[places[0].level]}）</Text>
      )}
      <Text className="section-title">1. 问谁</Text>
      <View role="radiogroup" aria-label="调研对象">
        {SURVEY_AUDIENCES.map((a) => (
          <Choice key={a} on={audience === a} label={SURVEY_AUDIENCE_LABELS[a]} hint={AUDIENCE_HINTS[a]} onPick={() => setAudience(a)} />
        ))}
      </View>
      <Text className="section-title">2. 调研标题</Text>
      <TextField value={title} max={SURVEY_TITLE_MAX} placeholder="如：冬季活动意向调研" onChange={(v) => (setTitle(v), setError(undefined))} />
      <Text className="section-title">3. 问题</Text>
      {drafts.map((d, i) => (
        <View key={i} className="survey-draft">
          <Text className="survey-question">第 {i + 1} 题</Text>
          <TextField value={d.text} max={SURVEY_QUESTION_MAX} placeholder="问题，如：您想参加哪项活动？" onChange={(v) => edit(i, { text: v })} />
          <View className="button-row" role="radiogroup" aria-label={`第 ${i + 1} 题的题型`}>
            {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
              <Choice key={k} on={d.kind === k} label={KIND_LABELS[k]} className="row-choice" onPick={() => edit(i, { kind: k })} />
            ))}
          </View>
          {d.kind !== 'free' && (
            <TextField value={d.options} max={400} multiline placeholder="选项，每行一个（2 到 10 个）" onChange={(v) => edit(i, { options: v })} />
          )}
          {drafts.length > 1 && <BigButton onClick={() => setDrafts((all) => all.filter((_, j) => j !== i))}>删除第 {i + 1} 题</BigButton>}
        </View>
      ))}
      <BigButton onClick={() => setDrafts((all) => [...all, { text: '', kind: 'single', options: '' }])}>再加一题</BigButton>
      <Text className="section-title">4. 开放几天</Text>
      <View className="button-row" role="radiogroup" aria-label="开放天数">
        {DAYS.map((n) => (
          <Choice key={n} on={days === n} label={`${n} 天`} className="row-choice" onPick={() => setDays(n)} />
        ))}
      </View>
      {error && <Text className="error-text">{error}</Text>}
      <BigButton type="primary" loading={busy} onClick={send}>
        发起
      </BigButton>
      <BigButton onClick={() => onDone(false)}>取消</BigButton>
    </Card>
  )
}
