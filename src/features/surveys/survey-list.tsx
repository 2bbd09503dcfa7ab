/** Her surveys, each opening its page (填写, or its results). */
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { SurveySummary } from '../../../types'
import { SurveyHead } from './survey-head'

export const SURVEY_PAGE = '/survey/pages/detail/index'

export function SurveyList({ items }: { items: SurveySummary[] }) {
  return (
    <View className="card">
      {items.map((survey, i) => (
        <View
          key={survey.id}
          className={`survey-row tap ${i > 0 ? 'survey-next' : ''}`}
          role="link"
          aria-label={`打开调研：${survey.title}`}
          onClick={() => void Taro.navigateTo({ url: `${SURVEY_PAGE}?id=${encodeURIComponent(survey.id)}` })}
        >
          <SurveyHead survey={survey} />
        </View>
      ))}
    </View>
  )
}
