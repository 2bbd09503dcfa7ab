/** A whole page's waiting and failed states: what is happening, and the one thing she can do. */
import { Text, View } from '@tarojs/components'

export function PageLoading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="page">
      <Text className="empty">{text}</Text>
    </View>
  )
}

export function PageError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="page">
      <View className="empty" onClick={onRetry}>
        <Text className="empty-title">{message}</Text>
        <Text className="muted">点击重试</Text>
      </View>
    </View>
  )
}
