/**
 * A panel that slides up from the bottom (NutUI's Popup) under its title, its content clear of the
 * rounded edge, and a 取消 as large as any button to leave it (a tap outside is not obvious to everyone).
 */
import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import { BigButton } from './big-button'

interface Props {
  visible: boolean
  title: string
  onClose: () => void
  className?: string
}

export function BottomSheet({ visible, title, onClose, className = '', children }: PropsWithChildren<Props>) {
  return (
    <Popup visible={visible} position="bottom" round title={title} onClose={onClose}>
      <View className={`sheet ${className}`}>
        {children}
        <BigButton className="sheet-cancel" onClick={onClose}>
          取消
        </BigButton>
      </View>
    </Popup>
  )
}
