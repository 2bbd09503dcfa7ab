/** One deliberation in the council inbox: what, how far the vote has got, how long is left, or how it ended. */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { DELIBERATION_STATUS_LABELS, type DeliberationSummary } from '../../../types'
import { formatTime } from '../../shared/case-format'
import { countdown, resultText, resultTone } from './council-format'
import { TurnoutBar } from './turnout-bar'
import '../../shared/chip.css'
import './council.css'

interface Props {
  item: DeliberationSummary
  now: string
  /** She may vote in it (a member or the convener of its council). */
  elector: boolean
  showOrg: boolean
}

export function DeliberationRow({ item, now, elector, showOrg }: Props) {
  const open = item.status === 'open'
  const chip = open
    ? item.voted
      ? { tone: 'ok', text: '我已投票' }
      : elector
        ? { tone: 'warn', text: '待我投票' }
        : { tone: 'brand', text: DELIBERATION_STATUS_LABELS.open }
    : { tone: 'muted', text: DELIBERATION_STATUS_LABELS.closed }
  return (
    <View
      className="card council-row"
      onClick={() => Taro.navigateTo({ url: `/council/pages/deliberation/index?id=${item.id}` })}
    >
      <View className="title-row">
        <Text className="council-row-title row-title">{item.title}</Text>
        <Text className={`chip chip-${chip.tone}`}>{chip.text}</Text>
      </View>
      {showOrg && <Text className="muted council-line">{item.orgName}议事会</Text>}
      {open ? (
        <View>
          <Text className="council-line council-countdown">
            {countdown(item.closesAt, now)} · {formatTime(item.closesAt, now)} 截止
          </Text>
          <TurnoutBar turnout={item.turnout} />
        </View>
      ) : (
        <View>
          {item.result && (
            <Text className={`council-line council-result-${resultTone(item.result)}`}>{resultText(item.result)}</Text>
          )}
          <Text className="muted council-line">
            {item.turnout.members} 人中 {item.turnout.ballots} 人投票 · {formatTime(item.closedAt ?? item.closesAt, now)} 结束
          </Text>
        </View>
      )}
      {item.commentCount > 0 && <Text className="muted council-line">{item.commentCount} 条意见</Text>}
    </View>
  )
}
