/** One option to tap, marked while it is picked: a label and, where it helps, a hint below it. */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

interface Props {
  on?: boolean
  label: ReactNode
  hint?: ReactNode
  className?: string
  /** For screen readers: one of several (radio, the default) or one that toggles alone (checkbox). */
  role?: 'radio' | 'checkbox'
  onPick: () => void
}

export function Choice({ on, label, hint, className = '', role = 'radio', onPick }: Props) {
  return (
    <View className={`choice ${on ? 'choice-on' : ''} ${className}`} role={role} aria-checked={on === true} onClick={onPick}>
      <Text className="choice-label">{label}</Text>
      {hint && <Text className="choice-hint">{hint}</Text>}
    </View>
  )
}
