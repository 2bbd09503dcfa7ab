/** 我要反映: the report form (built by the intake work). */
import { Text, View } from '@tarojs/components'

export default function ReportPage() {
  return (
    <View className="page">
      <View className="empty">
        <Text className="empty-title">我要反映</Text>
        <Text className="muted">反映表单即将开放</Text>
      </View>
    </View>
  )
}
