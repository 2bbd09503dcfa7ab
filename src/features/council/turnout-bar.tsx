/**
 * Turnout against quorum: a bar filled to the ballots cast, with a mark where the quorum is. Plain
 * views like the dashboard's bars: exact on weapp and h5, readable by screen readers.
 */
import { Text, View } from '@tarojs/components'
import type { Turnout } from '../../../types'
import { turnoutText } from './council-format'
import '../../shared/chip.css'
import './turnout-bar.css'

export function TurnoutBar({ turnout }: { turnout: Turnout }) {
  const { ballots, members, quorum, quorumMet } = turnout
  const percent = (n: number) => (members > 0 ? Math.min(100, (n / members) * 100) : 0)
  return (
    <View className="turnout">
      <View className="turnout-head">
        <Text className="turnout-text">{turnoutText(turnout)}</Text>
        <Text className={`chip ${quorumMet ? 'chip-ok' : 'chip-warn'}`}>{quorumMet ? '已达法定人数' : `还差 ${quorum - ballots} 人`}</Text>
      </View>
      <View className="turnout-track" aria-label={turnoutText(turnout)}>
        <View className={`turnout-fill ${quorumMet ? 'turnout-fill-met' : ''}`} style={{ width: `${percent(ballots)}%` }} />
        <View className="turnout-quorum" style={{ left: `${percent(quorum)}%` }} />
      </View>
    </View>
  )
}
