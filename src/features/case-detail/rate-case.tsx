/** Once resolved, she says how it went; 不满意 or 基本满意 sends it one level up to try again. */
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { BigButton } from '../../shared/big-button'
import { RATING_LABELS, RATINGS, type Rating } from '../../../types'

export function RateCase({ onRate }: { onRate: (rating: Rating, comment: string) => Promise<void> }) {
  const [rating, setRating] = useState<Rating>()
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (!rating) return
    setBusy(true)
    try {
      await onRate(rating, comment.trim())
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="card">
      <Text className="section-title">您对办理结果满意吗？</Text>
      <View className="button-row">
        {RATINGS.map((r) => (
          <View key={r} className={`choice rate-choice ${rating === r ? 'choice-on' : ''}`} onClick={() => setRating(r)}>
            <Text className="choice-label">{RATING_LABELS[r]}</Text>
          </View>
        ))}
      </View>
      {rating && rating !== 'satisfied' && (
        <Text className="notice">我们会把您的反映转到上一级妇联重新办理。</Text>
      )}
      <Input className="field-box" placeholder="还想说点什么（选填）" maxlength={200} value={comment} onInput={(e) => setComment(e.detail.value)} />
      <BigButton type="primary" disabled={!rating} loading={busy} onClick={submit}>
        提交评价
      </BigButton>
    </View>
  )
}
