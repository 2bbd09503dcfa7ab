/**
 * 参考标准答复, in the 办结 sheet: the standard answers of the case's category that her city and the
 * province keep (account.kbList). A tap puts one's text in the box below, which stays hers to change;
 * none in the category, and she is told to write her own.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS, type Category } from '../../../types'
import { Choice } from '../../shared/choice'
import { useRemote } from '../../shared/use-remote'
import { listAnswers } from './api/list-answers'
import './knowledge.css'

/** How much of an answer's text its choice shows: enough to tell two apart. */
const GLIMPSE = 24

export function AnswerPicker({ category, onPick }: { category: Category; onPick: (text: string) => void }) {
  const answers = useRemote(() => listAnswers({ category }).then((r) => r.items), [category])
  const [picked, setPicked] = useState<string>()
  const items = answers.data ?? []
  if (answers.loading && !answers.data) return <Text className="muted kb-line">正在读取标准答复…</Text>
  // Not being able to read them costs her nothing: she writes the resolution herself, as before.
  if (answers.error || items.length === 0) return <Text className="muted kb-line">这一类还没有可参考的标准答复，请直接填写办理情况</Text>
  return (
    <View role="radiogroup" aria-label="参考标准答复">
      <Text className="section-title">参考标准答复（点一条填入下面，可再修改）</Text>
      {items.map((answer) => (
        <Choice
          key={answer.id}
          on={picked === answer.id}
          label={answer.title}
          hint={`${answer.orgName}（${LEVEL_LABELS[answer.level]}）：${answer.body.length > GLIMPSE ? `${answer.body.slice(0, GLIMPSE)}…` : answer.body}`}
          onPick={() => {
            setPicked(answer.id)
            onPick(answer.body)
          }}
        />
      ))}
    </View>
  )
}
