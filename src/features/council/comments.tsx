/** The discussion: the latest comments, oldest first, and a box to add one (members, convener, cadres). */
import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { DELIBERATION_COMMENT_MAX, type CommentAuthorRole, type DeliberationComment } from '../../../types'
import { BigButton } from '../../shared/big-button'
import { formatTime } from '../../shared/case-format'
import { useSubmit } from '../../shared/use-submit'
import { Card } from '../../shared/card'

const ROLE: Record<CommentAuthorRole, string> = { member: '成员', convener: '议事会主任', cadre: '妇联干部' }

interface Props {
  comments: DeliberationComment[]
  canComment: boolean
  now: string
  /** True once it is in (the box empties); a failure answers nothing. */
  onSend: (text: string) => Promise<boolean | undefined>
}

export function Comments({ comments, canComment, now, onSend }: Props) {
  const [text, setText] = useState('')
  const { busy, submit } = useSubmit()
  const send = () =>
    submit(async () => {
      if (await onSend(text.trim())) setText('')
    })
  return (
    <Card title={`大家的意见（${comments.length}）`}>
      {comments.length === 0 && <Text className="muted council-line">还没有人发表意见。</Text>}
      {comments.map((c) => (
        <View key={c.id} className={`comment ${c.mine ? 'comment-mine' : ''}`}>
          <View className="comment-head">
            <Text className="comment-author">
              {c.authorName}
              {c.mine ? '（我）' : ''}
            </Text>
            <Text className="comment-role">{ROLE[c.authorRole]}</Text>
          </View>
          <Text className="comment-text as-written">{c.text}</Text>
          <Text className="comment-time">{formatTime(c.at, now)}</Text>
        </View>
      ))}
      {canComment && (
        <View className="comment-box">
          <Textarea
            className="field-box comment-input"
            placeholder="说说您的意见"
            maxlength={DELIBERATION_COMMENT_MAX}
            value={text}
            autoHeight
            onInput={(e) => setText(e.detail.value)}
          />
          <BigButton type="primary" loading={busy} disabled={busy || text.trim() === ''} onClick={send}>
            发表意见
          </BigButton>
        </View>
      )}
    </Card>
  )
}
