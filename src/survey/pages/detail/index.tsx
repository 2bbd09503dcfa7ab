/**
 * One survey: the form while it waits for her answer (or when she changes it), else its results once
 * she may see them (after answering, after it closes, or for those who asked). Those who asked may
 * end it early (结束调研).
 */
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { SurveyHead } from '../../../features/surveys/survey-head'
import { AnswerForm } from '../../../features/surveys/answer-form'
import { SurveyResults } from '../../../features/surveys/survey-results'
import { getSurvey } from '../../../features/surveys/api/get-survey'
import { getSurveyResults } from '../../../features/surveys/api/get-survey-results'
import { closeSurvey } from '../../../features/surveys/api/close-survey'
import { BigButton } from '../../../shared/big-button'
import { confirmFirst } from '../../../shared/confirm'
import { Page } from '../../../shared/page'
import { PageState, RemoteState } from '../../../shared/remote-state'
import { useRemote } from '../../../shared/use-remote'
import { useSubmit } from '../../../shared/use-submit'

export default function SurveyPage() {
  const surveyId = decodeURIComponent(useRouter().params.id ?? '')
  const remote = useRemote(() => getSurvey({ surveyId }), [surveyId])
  const [editing, setEditing] = useState(false)
  const { submit } = useSubmit()
  const survey = remote.data?.survey
  const showResults = Boolean(survey?.mayResults) && !editing && !(survey?.mayAnswer && !survey.answered)
  const results = useRemote(() => (showResults ? getSurveyResults({ surveyId }) : Promise.resolve(undefined)), [surveyId, showResults, survey?.answered])

  const answered = async (sent: boolean) => {
    setEditing(false)
    if (!sent) return
    void Taro.showToast({ title: '已提交，谢谢您', icon: 'success' })
    await remote.reload()
    await results.reload()
  }
  const end = async () => {
    const agreed = await confirmFirst({ title: '结束调研', content: '结束后群众不能再填写，结果会向填写范围内的群众公开。', confirmText: '确定结束', cancelText: '再想想' })
    if (!agreed) return
    await submit(async () => {
      await closeSurvey({ surveyId })
      void Taro.showToast({ title: '已结束', icon: 'success' })
      await remote.reload()
    }, remote.reload)
  }

  if (remote.error || !remote.data || !survey) return <PageState remote={remote} loadingText="正在读取调研…" />
  const { questions, mine } = remote.data
  const asking = survey.mayAnswer && (!survey.answered || editing)
  return (
    <Page>
      <View className="card">
        <SurveyHead survey={survey} />
      </View>
      {asking && <AnswerForm surveyId={surveyId} questions={questions} mine={mine} onDone={answered} />}
      {!asking && survey.mayAnswer && survey.answered && (
        <>
          <Text className="notice">您已填写，截止前可以修改。</Text>
          <BigButton onClick={() => setEditing(true)}>修改我的回答</BigButton>
        </>
      )}
      {!asking && !survey.mayResults && <Text className="notice">截止后可以看结果。</Text>}
      {showResults && (results.data ? <SurveyResults results={results.data} /> : <RemoteState remote={results} loadingText="正在读取结果…" />)}
      {survey.mayClose && <BigButton onClick={end}>结束调研</BigButton>}
    </Page>
  )
}
