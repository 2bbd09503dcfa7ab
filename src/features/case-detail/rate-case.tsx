/**
 * Once resolved, she answers the two questions of 12345's 回访: was it solved, is she satisfied. Only
 * when it was not (fully) solved is she asked whether the level above should go on with it, and only
 * her "要" sends it there (types/intake.contract.ts rate).
 */
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { BigButton } from '../../shared/big-button'
import { Choice } from '../../shared/choice'
import { useSubmit } from '../../shared/use-submit'
import { SATISFACTION_LABELS, SATISFACTIONS, SOLVED_ANSWERS, SOLVED_LABELS, type ActionInput } from '../../../types'

export type RateAnswers = Omit<ActionInput<'intake', 'rate'>, 'caseId'>

const GO_ON = ['yes', 'no'] as const
const GO_ON_LABELS = { yes: '要，请上一级继续办理', no: '不用了' } as const

function Question<T extends string>(props: { title: string; options: readonly T[]; labels: Record<T, string>; value?: T; onPick: (v: T) => void }) {
  return (
    <View className="rate-question" role="radiogroup" aria-label={props.title}>
      <Text className="section-title">{props.title}</Text>
      <View className="button-row">
        {props.options.map((o) => (
          <Choice key={o} on={props.value === o} label={props.labels[o]} className="row-choice" onPick={() => props.onPick(o)} />
        ))}
      </View>
    </View>
  )
}

export function RateCase({ onRate }: { onRate: (answers: RateAnswers) => Promise<void> }) {
  const [solved, setSolved] = useState<RateAnswers['solved']>()
  const [satisfaction, setSatisfaction] = useState<RateAnswers['satisfaction']>()
  const [goOn, setGoOn] = useState<(typeof GO_ON)[number]>()
  const [comment, setComment] = useState('')
  const { busy, submit } = useSubmit()
  const notSolved = solved === 'partly' || solved === 'no'
  const answers: RateAnswers | undefined =
    solved && satisfaction && (!notSolved || goOn)
      ? { solved, satisfaction, ...(notSolved && { reopen: goOn === 'yes' }), ...(comment.trim() && { comment: comment.trim() }) }
      : undefined
  return (
    <View className="card">
      <Question title="问题解决了吗？" options={SOLVED_ANSWERS} labels={SOLVED_LABELS} value={solved} onPick={setSolved} />
      <Question title="您满意吗？" options={SATISFACTIONS} labels={SATISFACTION_LABELS} value={satisfaction} onPick={setSatisfaction} />
      {notSolved && <Question title="要不要让上一级妇联继续办理？" options={GO_ON} labels={GO_ON_LABELS} value={goOn} onPick={setGoOn} />}
      {notSolved && goOn === 'yes' && <Text className="notice">提交后，您的反映会转到上一级妇联继续办理，您可以随时在这里查看进度。</Text>}
      <Input className="field-box" placeholder="还想说点什么（选填）" maxlength={200} value={comment} onInput={(e) => setComment(e.detail.value)} />
      <BigButton type="primary" disabled={!answers} loading={busy} onClick={() => answers && submit(() => onRate(answers))}>
        提交评价
      </BigButton>
    </View>
  )
}
