/**
 * The trend by month: for each month two bars, 反映 (filed) and 办结 (resolved), with their numbers
 * beside them, and the month in one sentence for a screen reader (its rates too). Plain views, as
 * bar-chart.tsx, so weapp and h5 draw the same and nothing is only a colour: each bar is labelled.
 */
import { Text, View } from '@tarojs/components'
import type { TrendMonth } from '../../../types'
import { monthLabel } from './months'
import { percent } from './figures'
import './bar-chart.css'

/** A month in words: what a screen reader says, and what a bar chart cannot show. */
export const monthSentence = (m: TrendMonth): string =>
  `${monthLabel(m.month)}：反映 ${m.submitted} 件，受理 ${m.accepted} 件，办结 ${m.resolved} 件，评价 ${m.ratings} 次` +
  (m.ratings > 0 ? `，满意率 ${percent(m.satisfactionRate)}，解决率 ${percent(m.solveRate)}` : '') +
  (m.onTimeRate !== null ? `，按时办结率 ${percent(m.onTimeRate)}` : '')

function TrendBar({ name, value, width, fill = '' }: { name: string; value: number; width: string; fill?: string }) {
  return (
    <View className="trend-bar-row" aria-hidden>
      <Text className="trend-bar-name">{name}</Text>
      <View className="bar-track trend-track">
        <View className={`bar-fill ${fill}`} style={{ width }} />
      </View>
      <Text className="bar-number trend-number">{value}</Text>
    </View>
  )
}

export function TrendChart({ months }: { months: TrendMonth[] }) {
  const top = Math.max(...months.map((m) => Math.max(m.submitted, m.resolved)), 0)
  const width = (n: number) => `${top > 0 ? Math.max(n > 0 ? 2 : 0, (n / top) * 100) : 0}%`
  return (
    <View className="trend-chart">
      <View className="trend-legend" aria-hidden>
        <View className="trend-key bar-fill" />
        <Text className="trend-key-label">反映</Text>
        <View className="trend-key bar-fill trend-resolved" />
        <Text className="trend-key-label">办结</Text>
      </View>
      {months.map((m) => (
        <View key={m.month} className="trend-month" aria-label={monthSentence(m)}>
          <Text className="trend-month-label">{monthLabel(m.month)}</Text>
          <TrendBar name="反映" value={m.submitted} width={width(m.submitted)} />
          <TrendBar name="办结" value={m.resolved} width={width(m.resolved)} fill="trend-resolved" />
        </View>
      ))}
    </View>
  )
}
