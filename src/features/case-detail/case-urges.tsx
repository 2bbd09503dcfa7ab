/**
 * 已催办 N 次: each 催办 of the case — when, which org urged which, what it said — for those who handle
 * or supervise it (the server leaves `urges` out for the reporter).
 */
import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS, type UrgeItem } from '../../../types'
import { formatTime } from '../../shared/case-format'
import { Card } from '../../shared/card'
import './case-urges.css'

export function CaseUrges({ urges, now }: { urges?: UrgeItem[]; now: string }) {
  if (!urges || urges.length === 0) return null
  return (
    <Card title={`已催办 ${urges.length} 次`}>
      {[...urges].reverse().map((u) => (
        <View key={`${u.at}-${u.orgName}`} className="urge-line">
          <Text className="muted">{formatTime(u.at, now)}</Text>
          <Text className="as-written">
            {u.orgName}（{LEVEL_LABELS[u.level]}）催办{u.toOrgName}（{LEVEL_LABELS[u.toLevel]}）{u.note ? `：${u.note}` : ''}
          </Text>
        </View>
      ))}
    </Card>
  )
}
