/**
 * The deadline: quick picks (1 / 3 / 7 days from now) or a date and a time from the pickers. Times
 * are China time whatever the phone's zone; "now" is the server's.
 */
import { Picker, Text, View } from '@tarojs/components'
import { DELIBERATION_MAX_DAYS } from '../../../types'
import { formatTime } from '../../shared/case-format'
import { Choice } from '../../shared/choice'
import { countdown } from './council-format'

const DAY = 86_400_000
const QUICK_DAYS = [1, 3, 7]
const CHINA = 8 * 3_600_000

interface Props {
  value?: string
  now: string
  error?: string
  onChange: (closesAt: string) => void
}

/** The China-time calendar date (YYYY-MM-DD) and time (HH:mm) of an instant. */
function chinaParts(iso: string) {
  const china = new Date(Date.parse(iso) + CHINA).toISOString()
  return { date: china.slice(0, 10), time: china.slice(11, 16) }
}

const fromChina = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString()

const HOUR = 3_600_000
/** A quick pick: N days from now, rounded up to the next whole hour (a time people can remember). */
const daysFrom = (now: string, days: number) =>
  new Date((Math.floor(Date.parse(now) / HOUR) + 1) * HOUR + days * DAY).toISOString()

export function DeadlinePicker({ value, now, error, onChange }: Props) {
  const today = chinaParts(now).date
  const last = chinaParts(new Date(Date.parse(now) + DELIBERATION_MAX_DAYS * DAY).toISOString()).date
  const picked = value ? chinaParts(value) : undefined
  const quick = QUICK_DAYS.find((days) => value !== undefined && value === daysFrom(now, days))
  return (
    <View>
      <View className="button-row council-quick">
        {QUICK_DAYS.map((days) => (
          <Choice key={days} on={quick === days} label={`${days}天后`} className="row-choice" onPick={() => onChange(daysFrom(now, days))} />
        ))}
      </View>
      <View className="button-row">
        <Picker
          mode="date"
          value={picked?.date ?? today}
          start={today}
          end={last}
          className="council-picker"
          onChange={(e) => onChange(fromChina(String(e.detail.value), picked?.time ?? '20:00'))}
        >
          <View className={`field-box tap ${error ? 'field-error' : ''}`}>{picked ? picked.date : '选择日期'} ▾</View>
        </Picker>
        <Picker
          mode="time"
          value={picked?.time ?? '20:00'}
          className="council-picker"
          onChange={(e) => onChange(fromChina(picked?.date ?? today, String(e.detail.value)))}
        >
          <View className={`field-box tap ${error ? 'field-error' : ''}`}>{picked ? picked.time : '选择时间'} ▾</View>
        </Picker>
      </View>
      {value && (
        <Text className="council-line council-deadline">
          {formatTime(value, now)} 截止（{countdown(value, now)}）
        </Text>
      )}
      {error && <Text className="error-text">{error}</Text>}
    </View>
  )
}
