/** One option to tap, marked while it is picked: a label and, where it helps, a hint below it. */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

interface Props {
  on?: boolean
  label: ReactNode
  hint?: ReactNode
  className?: string
  onPick: () => void
}

export function Choice({ on, label, hint, className = '', onPick }: Props) {
  return (
    <View className={`choice ${on ? 'choice-on' : ''} ${className}`} onClick={onPick}>
      <Text className="choice-label">{label}</Text>
      {hint && <Text className="choice-hint">{hint}</Text>}
    </View>
  )
}
