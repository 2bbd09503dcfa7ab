/** 消息: the message centre (filled in by the notifications work). */
import { Text, View } from '@tarojs/components'

export default function MessagesPage() {
  return (
    <View className="page">
      <View className="empty">
        <Text className="empty-title">暂时没有消息</Text>
        <Text className="muted">您反映的问题有进展时，会在这里通知您</Text>
      </View>
    </View>
  )
}
