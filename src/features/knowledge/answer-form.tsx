/**
 * 新增 / 修改标准答复: its category, title and text, checked by the contract's own rule and words before
 * it is sent (the server checks again, and runs WeChat's content check). A whole card, not a sheet: a
 * thousand characters are written more easily on the page than in a panel.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  CATEGORIES,
  CATEGORY_LABELS,
  KB_BODY_MAX,
  KB_TITLE_MAX,
  LEVEL_LABELS,
  accountContract,
  type AccountResults,
  type Category,
  type KnowledgeAnswer,
} from '../../../types'
import { BigButton } from '../../shared/big-button'
import { Card } from '../../shared/card'
import { Choice } from '../../shared/choice'
import { TextField } from '../../shared/text-field'
import { useSubmit } from '../../shared/use-submit'
import { saveAnswer } from './api/save-answer'

type Field = 'category' | 'title' | 'body'

interface Props {
  /** The answer she edits; a new one without it. */
  editing?: KnowledgeAnswer
  /** Where a new one goes (account.kbList's addsAt). */
  addsAt: AccountResults['kbList']['addsAt']
  onDone: (saved: KnowledgeAnswer | null) => void
}

export function AnswerForm({ editing, addsAt, onDone }: Props) {
  const [category, setCategory] = useState<Category | undefined>(editing?.category)
  const [title, setTitle] = useState(editing?.title ?? '')
  const [body, setBody] = useState(editing?.body ?? '')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const { busy, submit } = useSubmit()
  const org = editing ?? addsAt
  // Who may start from it: the whole city, or the whole province.
  const where = org && `${org.orgName}（${LEVEL_LABELS[org.level]}），全${org.level === 'city' ? '市' : '省'}办结反映时都可以选用`

  const save = async () => {
    const input = { ...(editing ? { id: editing.id } : addsAt ? { orgId: addsAt.orgId } : {}), category, title, body }
    const parsed = accountContract.kbSave.safeParse(input)
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {}
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field
        found[field] ??= issue.message
      }
      return setErrors(found)
    }
    const done = await submit(() => saveAnswer(parsed.data))
    if (done) onDone(done.answer)
  }
  const change = (field: Field, set: (value: string) => void) => (value: string) => {
    set(value)
    setErrors((e) => ({ ...e, [field]: undefined }))
  }

  return (
    <Card title={editing ? '修改标准答复' : '新增标准答复'}>
      {where && <Text className="muted kb-line">发布单位：{where}</Text>}
      <Text className="section-title">1. 问题类别</Text>
      <View role="radiogroup" aria-label="问题类别">
        {CATEGORIES.map((c) => (
          <Choice
            key={c}
            on={category === c}
            label={CATEGORY_LABELS[c]}
            onPick={() => {
              setCategory(c)
              setErrors((e) => ({ ...e, category: undefined }))
            }}
          />
        ))}
      </View>
      {errors.category && <Text className="error-text">{errors.category}</Text>}
      <Text className="section-title">2. 标题</Text>
      <TextField value={title} max={KB_TITLE_MAX} placeholder="如：家庭纠纷调解答复" error={errors.title} onChange={change('title', setTitle)} />
      <Text className="section-title">3. 答复内容</Text>
      <TextField value={body} max={KB_BODY_MAX} multiline placeholder="写下办理这类问题的常用答复，基层可以在此基础上修改" error={errors.body} onChange={change('body', setBody)} />
      <BigButton type="primary" loading={busy} onClick={save}>
        保存
      </BigButton>
      <BigButton onClick={() => onDone(null)}>取消</BigButton>
    </Card>
  )
}
