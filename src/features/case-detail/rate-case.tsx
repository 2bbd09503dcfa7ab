/** Once resolved, she says how it went; 不满意 or 基本满意 sends it one level up to try again. */
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { BigButton } from '../../shared/big-button'
import { Choice } from '../../shared/choice'
import { useSubmit } from '../../shared/use-submit'
import { RATING_LABELS, RATINGS, type Rating } from '../../../types'
import { Card } from '../../shared/card'

export function RateCase({ onRate }: { onRate: (rating: Rating, comment: string) => Promise<void> }) {
  const [rating, setRating] = useState<Rating>()
  const [comment, setComment] = useState('')
  const { busy, submit } = useSubmit()
  return (
    <Card title="您对办理结果满意吗？">
      <View className="button-row">
        {RATINGS.map((r) => (
          <Choice key={r} on={rating === r} label={RATING_LABELS[r]} className="row-choice" onPick={() => setRating(r)} />
        ))}
      </View>
      {rating && rating !== 'satisfied' && (
        <Text className="notice">我们会把您的反映转到上一级妇联重新办理。</Text>
      )}
      <Input className="field-box" placeholder="还想说点什么（选填）" maxlength={200} value={comment} onInput={(e) => setComment(e.detail.value)} />
      <BigButton type="primary" disabled={!rating} loading={busy} onClick={() => rating && submit(() => onRate(rating, comment.trim()))}>
        提交评价
      </BigButton>
    </Card>
  )
}
