/**
 * The standard answers by category, one card each, the nearest org's first (as account.kbList orders
 * them): each with who keeps it, when it last changed, its whole text, and 修改 / 停用 for those who
 * keep it. A retired one says so in words, not only in grey.
 */
import { Text, View } from '@tarojs/components'
import { CATEGORIES, CATEGORY_LABELS, LEVEL_LABELS, type KnowledgeAnswer } from '../../../types'
import { BigButton } from '../../shared/big-button'
import { Card } from '../../shared/card'
import { formatTime } from '../../shared/case-format'
import '../../shared/chip.css'
import './knowledge.css'

interface Props {
  items: KnowledgeAnswer[]
  onEdit: (answer: KnowledgeAnswer) => void
  onRetire: (answer: KnowledgeAnswer) => void
}

export function AnswerList({ items, onEdit, onRetire }: Props) {
  const groups = CATEGORIES.map((category) => ({ category, answers: items.filter((a) => a.category === category) })).filter((g) => g.answers.length > 0)
  return (
    <View>
      {groups.map(({ category, answers }) => (
        <Card key={category} title={`${CATEGORY_LABELS[category]}（${answers.length} 条）`}>
          {answers.map((answer, i) => (
            <View key={answer.id} className={`kb-answer ${i > 0 ? 'kb-next' : ''} ${answer.retired ? 'kb-retired' : ''}`}>
              <Text className="kb-title">{answer.title}</Text>
              {answer.retired && <Text className="chip chip-muted">已停用</Text>}
              <Text className="muted kb-line">
                {answer.orgName}（{LEVEL_LABELS[answer.level]}）· {formatTime(answer.updatedAt)} 更新
              </Text>
              <Text className="as-written kb-body">{answer.body}</Text>
              {answer.editable && !answer.retired && (
                <View className="button-row">
                  <BigButton onClick={() => onEdit(answer)}>修改</BigButton>
                  <BigButton onClick={() => onRetire(answer)}>停用</BigButton>
                </View>
              )}
            </View>
          ))}
        </Card>
      ))}
    </View>
  )
}
