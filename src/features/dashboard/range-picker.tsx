/**
 * 数据看板's months: one tap for the usual ranges (近 3 / 6 / 12 个月, 今年), or 从 and 到, each a large
 * target opening a picker of the last two years (never past `latest`, the server's month). Picking a
 * start after the end (or an end before the start) moves the other end with it, so the range is
 * always in order.
 */
import { Picker, Text, View } from '@tarojs/components'
import { Choice } from '../../shared/choice'
import { monthLabel, monthsUpTo, shiftMonth } from './months'
import type { MonthRange } from './drill'
import './ranking.css'

/** The ranges offered with one tap, ending with `latest`. */
export const quickRanges = (latest: string): { label: string; range: MonthRange }[] => [
  { label: '近 3 个月', range: { from: shiftMonth(latest, -2), to: latest } },
  { label: '近 6 个月', range: { from: shiftMonth(latest, -5), to: latest } },
  { label: '近 12 个月', range: { from: shiftMonth(latest, -11), to: latest } },
  { label: '今年', range: { from: `${latest.slice(0, 4)}-01`, to: latest } },
]

interface Props {
  value: MonthRange
  latest: string
  onChange: (range: MonthRange) => void
}

const OFFERED = 24

export function RangePicker({ value, latest, onChange }: Props) {
  const months = monthsUpTo(latest, OFFERED)
  const pick = (end: 'from' | 'to') => (e: { detail: { value: string | number } }) => {
    const month = months[Number(e.detail.value)]
    if (!month) return
    if (end === 'from') onChange({ from: month, to: month > value.to ? month : value.to })
    else onChange({ from: month < value.from ? month : value.from, to: month })
  }
  const end = (which: 'from' | 'to', label: string) => (
    <View className="range-end">
      <Picker mode="selector" range={months.map(monthLabel)} value={Math.max(0, months.indexOf(value[which]))} onChange={pick(which)}>
        <View className="field-box tap month-value" aria-label={`${label}月份，现在是${monthLabel(value[which])}，点击更改`}>
          <Text>
            {label} {monthLabel(value[which])} ▾
          </Text>
        </View>
      </Picker>
    </View>
  )
  return (
    <View>
      <View className="button-row" role="radiogroup" aria-label="选择月份范围">
        {quickRanges(latest).map(({ label, range }) => (
          <Choice key={label} on={range.from === value.from && range.to === value.to} label={label} className="row-choice" onPick={() => onChange(range)} />
        ))}
      </View>
      <View className="range-picker">
        {end('from', '从')}
        {end('to', '到')}
      </View>
    </View>
  )
}
