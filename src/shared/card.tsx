/** A white card under its title; beside the title, what acts on the whole card (a switch). */
import type { PropsWithChildren, ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

interface Props {
  title: ReactNode
  aside?: ReactNode
  className?: string
}

export function Card({ title, aside, className = '', children }: PropsWithChildren<Props>) {
  return (
    <View className={`card ${className}`}>
      <View className={aside ? 'tap card-head' : ''}>
        <Text className="section-title">{title}</Text>
        {aside}
      </View>
      {children}
    </View>
  )
}
