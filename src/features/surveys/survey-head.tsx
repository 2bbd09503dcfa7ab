/**
 * A survey's heading: 进行中 or 已截止 and 已填写 or 待填写 in words (colour is never the only sign),
 * its title, who asks whom, and until when.
 */
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS, SURVEY_AUDIENCE_LABELS, type SurveySummary } from '../../../types'
import { formatTime } from '../../shared/case-format'
import '../../shared/chip.css'
import './surveys.css'

export function SurveyHead({ survey }: { survey: SurveySummary }) {
  const open = survey.status === 'open'
  return (
    <View>
      <View className="survey-head">
        <Text className={`chip ${open ? 'chip-brand' : 'chip-muted'}`}>{open ? '进行中' : '已截止'}</Text>
        {survey.answered && <Text className="chip chip-ok">已填写</Text>}
        {survey.mayAnswer && !survey.answered && <Text className="chip chip-warn">待填写</Text>}
      </View>
      <Text className="survey-title">{survey.title}</Text>
      <Text className="muted survey-line">
        {survey.orgName}（{LEVEL_LABELS[survey.level]}）问{SURVEY_AUDIENCE_LABELS[survey.audience]} · {survey.questionCount} 题 · {open ? '截止' : '已于'} {formatTime(survey.closesAt)}
        {open ? '' : ' 截止'}
      </Text>
    </View>
  )
}
