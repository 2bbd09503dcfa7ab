/**
 * Who has voted (the convener's roll, to chase the rest by phone) and the ballots one by one — a proxy
 * ballot marked 代投 with who recorded it and why; no choices in anonymous mode.
 */
import { Text, View } from '@tarojs/components'
import type { AuditEntry, RollEntry } from '../../../types'
import { formatTime } from '../../shared/case-format'
import { Card } from '../../shared/card'

export function Roll({ roll }: { roll: RollEntry[] }) {
  const waiting = roll.filter((r) => !r.voted)
  return (
    <Card title="投票名单">
      <Text className="muted council-line">
        {waiting.length === 0 ? '全部成员都已投票。' : `还有 ${waiting.length} 人没投票，可以打电话提醒，或替同意的成员代投。`}
      </Text>
      <View className="roll">
        {roll.map((r) => (
          <Text key={r.openid} className={`chip roll-chip ${r.voted ? 'chip-ok' : 'chip-muted'}`}>
            {r.name}
            {r.voted ? ' ✓已投' : ' 未投'}
          </Text>
        ))}
      </View>
    </Card>
  )
}

export function AuditList({ audit, options, anonymous, now }: { audit: AuditEntry[]; options: string[]; anonymous: boolean; now: string }) {
  return (
    <Card title="投票记录">
      {anonymous && <Text className="muted council-line">匿名表决：只记录谁投了票，不显示投了哪一项。</Text>}
      {audit.length === 0 && <Text className="muted council-line">还没有人投票。</Text>}
      {audit.map((entry) => (
        <View key={entry.voterOpenid} className="audit-entry">
          <View className="comment-head">
            <Text className="comment-author">{entry.voterName}</Text>
            {entry.proxy && <Text className="chip chip-warn">代投</Text>}
          </View>
          {entry.choices && (
            <Text className="audit-choices as-written">{entry.choices.map((i) => options[i] ?? `选项 ${i + 1}`).join('、')}</Text>
          )}
          {entry.proxy && (
            <Text className="muted council-line">
              由{entry.proxy.byName}代投：{entry.proxy.note}
            </Text>
          )}
          <Text className="comment-time">
            {formatTime(entry.castAt, now)}
            {entry.changes > 0 ? ` · 改过 ${entry.changes} 次` : ''}
          </Text>
        </View>
      ))}
    </Card>
  )
}
