/** A white card under its title; beside the title, what acts on the whole card (a switch). */
import type { PropsWithChildren, ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

interface Props {
  title: ReactNode
  aside?: ReactNode
  className?: string
  /** Where the page can scroll to (Taro.pageScrollTo's selector). */
  id?: string
}

export function Card({ title, aside, className = '', id, children }: PropsWithChildren<Props>) {
  return (
    <View className={`card ${className}`} id={id}>
      <View className={aside ? 'tap card-head' : ''}>
        <Text className="section-title">{title}</Text>
        {aside}
      </View>
      {children}
    </View>
  )
}
