/** A panel that slides up from the bottom (NutUI's Popup), its content clear of the rounded edge. */
import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'

interface Props {
  visible: boolean
  title: string
  onClose: () => void
  className?: string
}

export function BottomSheet({ visible, title, onClose, className = '', children }: PropsWithChildren<Props>) {
  return (
    <Popup visible={visible} position="bottom" round title={title} onClose={onClose}>
      <View className={`sheet ${className}`}>{children}</View>
    </Popup>
  )
}
