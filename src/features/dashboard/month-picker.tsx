/**
 * The scorecard's month: ‹ 上月 and 下月 › one tap each either side of the month (a large target), and
 * the month itself opens a picker of the last two years. Never past `latest` (the server's month).
 */
import { Picker, Text, View } from '@tarojs/components'
import { monthLabel, monthsUpTo, shiftMonth } from './months'
import './ranking.css'

interface Props {
  value: string
  latest: string
  onChange: (month: string) => void
}

const OFFERED = 24

export function MonthPicker({ value, latest, onChange }: Props) {
  const months = monthsUpTo(latest, OFFERED)
  const earliest = months[months.length - 1]!
  const step = (n: number) => {
    const next = shiftMonth(value, n)
    if (next <= latest && next >= earliest) onChange(next)
  }
  return (
    <View className="month-picker">
      <View className={`month-step tap ${value <= earliest ? 'month-step-off' : ''}`} role="button" aria-label="上个月" aria-disabled={value <= earliest} onClick={() => step(-1)}>
        <Text>‹ 上月</Text>
      </View>
      <View className="month-middle">
        <Picker mode="selector" range={months.map(monthLabel)} value={Math.max(0, months.indexOf(value))} onChange={(e) => onChange(months[Number(e.detail.value)] ?? value)}>
          <View className="field-box tap month-value" aria-label={`选择月份，现在是${monthLabel(value)}`}>
            <Text>{monthLabel(value)} ▾</Text>
          </View>
        </Picker>
      </View>
      <View className={`month-step tap ${value >= latest ? 'month-step-off' : ''}`} role="button" aria-label="下个月" aria-disabled={value >= latest} onClick={() => step(1)}>
        <Text>下月 ›</Text>
      </View>
    </View>
  )
}
