/**
 * 发布公告: where (her org, or one of hers), the kind, title and text, and 置顶; checked by the contract's
 * own rule and words before it is sent (the server checks again, and runs WeChat's content check).
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  ANNOUNCEMENT_BODY_MAX,
  ANNOUNCEMENT_KINDS,
  ANNOUNCEMENT_KIND_LABELS,
  ANNOUNCEMENT_TITLE_MAX,
  LEVEL_LABELS,
  outreachContract,
  type AnnouncementKind,
  type PublishPlace,
} from '../../../types'
import { BigButton } from '../../shared/big-button'
import { Card } from '../../shared/card'
import { Choice } from '../../shared/choice'
import { TextField } from '../../shared/text-field'
import { useSubmit } from '../../shared/use-submit'
import { publishAnnouncement } from './api/publish-announcement'

type Field = 'orgId' | 'kind' | 'title' | 'body'

const KIND_HINTS: Record<AnnouncementKind, string> = { policy: '惠民政策、办事指南', notice: '通知、提醒', activity: '讲座、培训、文体活动' }

interface Props {
  places: PublishPlace[]
  onDone: (published: boolean) => void
}

export function PublishForm({ places, onDone }: Props) {
  const [orgId, setOrgId] = useState(places[0]?.orgId)
  const [kind, setKind] = useState<AnnouncementKind>()
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [pinned, setPinned] = useState(false)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const { busy, submit } = useSubmit()
  const clear = (field: Field) => setErrors((e) => ({ ...e, [field]: undefined }))

  const send = async () => {
    const parsed = outreachContract.publish.safeParse({ orgId, kind, title, body, pinned })
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {}
      for (const issue of parsed.error.issues) found[issue.path[0] as Field] ??= issue.message
      return setErrors(found)
    }
    if (await submit(() => publishAnnouncement(parsed.data))) onDone(true)
  }

  return (
    <Card title="发布公告">
      {places.length > 1 ? (
        <View role="radiogroup" aria-label="发布单位">
          {places.map((p) => (
            <Choice key={p.orgId} on={orgId === p.orgId} label={p.orgName} hint={LEVEL_LABELS[p.level]} onPick={() => setOrgId(p.orgId)} />
          ))}
        </View>
      ) : (
        places[0] && <Text className="muted ann-line">发布单位：{places[0].orgName}（{LEVEL_LABELS[places[0].level]}），辖区内的群众都能看到</Text>
      )}
      <Text className="section-title">1. 类型</Text>
      <View role="radiogroup" aria-label="公告类型">
        {ANNOUNCEMENT_KINDS.map((k) => (
          <Choice key={k} on={kind === k} label={ANNOUNCEMENT_KIND_LABELS[k]} hint={KIND_HINTS[k]} onPick={() => (setKind(k), clear('kind'))} />
        ))}
      </View>
      {errors.kind && <Text className="error-text">{errors.kind}</Text>}
      <Text className="section-title">2. 标题</Text>
      <TextField value={title} max={ANNOUNCEMENT_TITLE_MAX} placeholder="如：周六上午健康讲座" error={errors.title} onChange={(v) => (setTitle(v), clear('title'))} />
      <Text className="section-title">3. 正文</Text>
      <TextField value={body} max={ANNOUNCEMENT_BODY_MAX} multiline placeholder="时间、地点、要带什么、找谁咨询，写清楚" error={errors.body} onChange={(v) => (setBody(v), clear('body'))} />
      <Choice role="checkbox" on={pinned} label="置顶" hint="置顶的公告排在最前面" onPick={() => setPinned((v) => !v)} />
      <BigButton type="primary" loading={busy} onClick={send}>
        发布
      </BigButton>
      <BigButton onClick={() => onDone(false)}>取消</BigButton>
    </Card>
  )
}
