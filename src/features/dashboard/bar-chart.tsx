/**
 * A horizontal bar chart made of plain views: exact in weapp and h5 alike, readable by screen
 * readers, every number printed beside its bar, and nothing to download. (AntV F2 was tried first:
 * its canvas bars landed a row off their labels in the H5 build, and a dashboard must not mislead.)
 */
import { Text, View } from '@tarojs/components'
import './bar-chart.css'

interface Bar {
  label: string
  value: number
}

interface Props {
  bars: Bar[]
  /** How a value is written next to its bar (e.g. as a percentage). */
  format?: (value: number) => string
  /** The value a full-width bar stands for; the largest value when not given. */
  max?: number
  /** Given: each bar is a button (数据看板: the cases behind it), read out as its label, value and `pickHint`. */
  onPick?: (index: number) => void
  pickHint?: string
}

export function BarChart({ bars, format = String, max, onPick, pickHint = '查看这些反映' }: Props) {
  const top = max ?? Math.max(...bars.map((b) => b.value), 0)
  return (
    <View className="bar-chart">
      {bars.map((bar, i) => (
        <View
          key={bar.label}
          className={`bar-row ${onPick ? 'bar-pick' : ''}`}
          {...(onPick && { role: 'button', 'aria-label': `${bar.label} ${format(bar.value)}，${pickHint}`, onClick: () => onPick(i) })}
        >
          <View className="bar-head">
            <Text>{bar.label}</Text>
            <Text className="bar-number">{format(bar.value)}{onPick ? ' ›' : ''}</Text>
          </View>
          <View className="bar-track">
            <View className="bar-fill" style={{ width: `${top > 0 ? Math.max(bar.value > 0 ? 2 : 0, (bar.value / top) * 100) : 0}%` }} />
          </View>
        </View>
      ))}
    </View>
  )
}
