/**
 * 首页's 调研 card: 有 N 份调研等您填写 when some wait for her, else the way to her surveys (and, for
 * those who may, to open one). Nothing at all when no survey reaches her and she opens none.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Card } from '../../shared/card'
import { useReloadOnReturn, useRemote } from '../../shared/use-remote'
import { listSurveys } from './api/list-surveys'
import './surveys.css'

export const SURVEYS_PAGE = '/survey/pages/list/index'

export function WaitingSurveys() {
  const remote = useRemote(listSurveys, [])
  useReloadOnReturn(remote.reload)
  const { data } = remote
  if (!data || (data.items.length === 0 && data.opensAt.length === 0)) return null
  const open = () => void Taro.navigateTo({ url: SURVEYS_PAGE })
  return (
    <Card title="调研" className="waiting-surveys">
      <View onClick={open} role="link" aria-label="查看调研">
        {data.waiting > 0 ? (
          <Text className="survey-title">有 {data.waiting} 份调研等您填写</Text>
        ) : (
          <Text className="muted survey-line">{data.items.length > 0 ? `共 ${data.items.length} 份调研，您都已填写或已截止` : '还没有调研'}</Text>
        )}
        <Text className="survey-more">{data.opensAt.length > 0 ? '查看或发起调研 ›' : '查看调研 ›'}</Text>
      </View>
    </Card>
  )
}
