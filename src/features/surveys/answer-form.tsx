/**
 * 填写调研: each question in turn — one choice (单选), several (多选, said so), or her own words —
 * prefilled with her answer when she changes it. Every choice question must be answered; words are
 * optional. The server checks again (and runs WeChat's content check on her words).
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { SURVEY_FREE_ANSWER_MAX, type SurveyAnswer, type SurveyQuestionView } from '../../../types'
import { BigButton } from '../../shared/big-button'
import { Choice } from '../../shared/choice'
import { TextField } from '../../shared/text-field'
import { useSubmit } from '../../shared/use-submit'
import { answerSurvey } from './api/answer-survey'
import './surveys.css'

interface Props {
  surveyId: string
  questions: SurveyQuestionView[]
  mine: SurveyAnswer[] | null
  onDone: (sent: boolean) => void
}

const blank = (q: SurveyQuestionView): SurveyAnswer => (q.free ? '' : [])

export function AnswerForm({ surveyId, questions, mine, onDone }: Props) {
  const [answers, setAnswers] = useState<SurveyAnswer[]>(() => questions.map((q, i) => mine?.[i] ?? blank(q)))
  const [missing, setMissing] = useState<number[]>([])
  const { busy, submit } = useSubmit()
  const set = (i: number, a: SurveyAnswer) => {
    setAnswers((all) => all.map((old, j) => (j === i ? a : old)))
    setMissing((m) => m.filter((j) => j !== i))
  }
  const toggle = (i: number, option: number, multiple: boolean) => {
    const now = answers[i] as number[]
    if (!multiple) return set(i, [option])
    set(i, now.includes(option) ? now.filter((o) => o !== option) : [...now, option].sort((a, b) => a - b))
  }
  const send = async () => {
    const unanswered = questions.flatMap((q, i) => (!q.free && (answers[i] as number[]).length === 0 ? [i] : []))
    if (unanswered.length > 0) return setMissing(unanswered)
    if (await submit(() => answerSurvey({ surveyId, answers }))) onDone(true)
  }

  return (
    <View className="card answer-form">
      {questions.map((q, i) => (
        <View key={i} role={q.free ? undefined : q.multiple ? 'group' : 'radiogroup'} aria-label={q.text}>
          <Text className="survey-question">
            {i + 1}. {q.text}
            {!q.free && (q.multiple ? '（可多选）' : '（单选）')}
            {q.free && '（选填）'}
          </Text>
          {q.free ? (
            <TextField value={answers[i] as string} max={SURVEY_FREE_ANSWER_MAX} multiline placeholder="说说您的想法（可以不填）" onChange={(v) => set(i, v)} />
          ) : (
            q.options.map((option, o) => (
              <Choice key={o} role={q.multiple ? 'checkbox' : 'radio'} on={(answers[i] as number[]).includes(o)} label={option} onPick={() => toggle(i, o, q.multiple)} />
            ))
          )}
          {missing.includes(i) && <Text className="error-text">请选择第 {i + 1} 题</Text>}
        </View>
      ))}
      <BigButton type="primary" loading={busy} onClick={send}>
        {mine ? '保存修改' : '提交'}
      </BigButton>
      {mine && <BigButton onClick={() => onDone(false)}>不改了</BigButton>}
    </View>
  )
}
