/**
 * 调研结果: how many answered; per question each option's count as a bar with its number and share in
 * words (a screen reader hears the numbers, not the bar); per child org (each village, township…) how
 * many answered and the most chosen option of each question; and, for those who asked, the free
 * answers, newest first, 20 at a time, never who wrote them.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ActionResult, SurveyFreeAnswer } from '../../../types'
import { formatTime } from '../../shared/case-format'
import { Card } from '../../shared/card'
import { useSubmit } from '../../shared/use-submit'
import { getSurveyResults } from './api/get-survey-results'
import './surveys.css'

type Results = ActionResult<'outreach', 'surveyResults'>

const share = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 100) : 0)

export function SurveyResults({ results }: { results: Results }) {
  const { respondents, questions, children } = results
  return (
    <View className="survey-results">
      <Card title={`调研结果（${respondents} 人填写）`}>
        {questions.map((q, i) => (
          <View key={i}>
            <Text className="survey-question">
              {i + 1}. {q.text}
            </Text>
            {q.free ? (
              <Text className="muted survey-line">{q.answered} 人写了意见</Text>
            ) : (
              q.options.map((o, j) => (
                <View key={j} className="survey-bar-row" aria-label={`${o.text}：${o.count} 人，占 ${share(o.count, q.answered)}%`}>
                  <View className="survey-bar-label">
                    <Text>{o.text}</Text>
                    <Text>
                      {o.count} 人（{share(o.count, q.answered)}%）
                    </Text>
                  </View>
                  <View className="survey-bar" aria-hidden>
                    <View className="survey-bar-fill" style={{ width: `${share(o.count, q.answered)}%` }} />
                  </View>
                </View>
              ))
            )}
          </View>
        ))}
      </Card>
      {children.length > 0 && (
        <Card title="各下级填写情况">
          {children.map((c) => (
            <View key={c.orgId} className="survey-table-row">
              <Text>{c.orgName}</Text>
              <Text>{c.respondents} 人{c.respondents > 0 ? `，${mostChosen(results, c.counts)}` : ''}</Text>
            </View>
          ))}
        </Card>
      )}
      {results.free && <FreeAnswers surveyId={results.survey.id} first={results.free} questions={questions.map((q) => q.text)} />}
    </View>
  )
}

/** The first choice question's most chosen option in a child org, in words. */
function mostChosen(results: Results, counts: number[][]): string {
  const i = results.questions.findIndex((q) => !q.free)
  if (i < 0) return ''
  const row = counts[i] ?? []
  const top = row.indexOf(Math.max(...row))
  return `第 ${i + 1} 题多数选“${results.questions[i]!.options[top]?.text ?? ''}”`
}

function FreeAnswers({ surveyId, first, questions }: { surveyId: string; first: NonNullable<Results['free']>; questions: string[] }) {
  const [items, setItems] = useState<SurveyFreeAnswer[]>(first.items)
  const [cursor, setCursor] = useState(first.nextCursor)
  const { busy, submit } = useSubmit()
  const more = () =>
    void submit(async () => {
      if (!cursor) return
      const next = await getSurveyResults({ surveyId, freeCursor: cursor })
      setItems((old) => [...old, ...(next.free?.items ?? [])])
      setCursor(next.free?.nextCursor ?? null)
    })
  return (
    <Card title="群众的意见（不显示填写人）">
      {items.length === 0 && <Text className="muted survey-line">还没有人写意见</Text>}
      {items.map((item, i) => (
        <View key={i} className="survey-free">
          <Text className="survey-free-text">{item.text}</Text>
          <Text className="muted survey-line">
            第 {item.question + 1} 题“{questions[item.question]}” · {formatTime(item.at)}
          </Text>
        </View>
      ))}
      {cursor && (
        <Text className="survey-more" onClick={busy ? undefined : more}>
          {busy ? '正在读取…' : '加载更多意见'}
        </Text>
      )}
    </Card>
  )
}
