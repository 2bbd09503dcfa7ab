/**
 * Local mode's stand-in for WeChat's subscription dialog: the same choice (allow the listed messages,
 * or not), recorded the same way. In weapp the page calls WeChat's own dialog instead.
 */
import { BigButton } from '../../shared/big-button'
import { Text, View } from '@tarojs/components'
import type { TemplateInfo } from '../../../types'
import { BottomSheet } from '../../shared/bottom-sheet'
import './allow-messages-dialog.css'

interface Props {
  visible: boolean
  templates: TemplateInfo[]
  onAnswer: (accepted: string[]) => void
}

export function AllowMessagesDialog({ visible, templates, onAnswer }: Props) {
  return (
    <BottomSheet visible={visible} title="“妇女议事会”想给您发送" onClose={() => onAnswer([])}>
      {templates.map((t) => (
        <Text key={t.key} className="allow-item">
          · {t.title}
        </Text>
      ))}
      <View className="button-row">
        <BigButton onClick={() => onAnswer([])}>
          拒绝
        </BigButton>
        <BigButton type="primary" onClick={() => onAnswer(templates.map((t) => t.templateId))}>
          允许
        </BigButton>
      </View>
    </BottomSheet>
  )
}
