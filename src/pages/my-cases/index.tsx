/** 我的反映: filled in by the intake work; until then it says how to start. */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'

export default function MyCasesPage() {
  return (
    <View className="page">
      <View className="empty" onClick={() => Taro.navigateTo({ url: '/pages/report/index' })}>
        <Text className="empty-title">您还没有反映过问题</Text>
        <Text className="muted">点击这里，一分钟提交您的问题、诉求或建议</Text>
      </View>
    </View>
  )
}
