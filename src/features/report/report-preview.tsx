/** What will be sent, read back once, with a warning about personal data before it goes. */
import { Image, Text, View } from '@tarojs/components'
import { CASE_KIND_LABELS, CATEGORY_LABELS } from '../../../types'
import { Card } from '../../shared/card'
import type { ReportDraft } from './report-draft'

export function ReportPreview({ draft }: { draft: ReportDraft }) {
  const rows: [string, string][] = [
    ['类型', draft.kind ? CASE_KIND_LABELS[draft.kind] : ''],
    ['类别', draft.category ? CATEGORY_LABELS[draft.category] : ''],
    ['村（社区）', draft.villageName ?? ''],
    ['标题', draft.title],
    ['内容', draft.content],
    ['身份', draft.anonymous ? '匿名' : '实名'],
    ...(draft.phone && !draft.anonymous ? ([['电话', draft.phone]] as [string, string][]) : []),
  ]
  return (
    <Card title="请核对要提交的内容">
      {rows.map(([label, value]) => (
        <View key={label} className="preview-row">
          <Text className="muted">{label}</Text>
          <Text className="preview-value as-written">{value}</Text>
        </View>
      ))}
      {draft.photos.length > 0 && (
        <View className="photo-row">
          {draft.photos.map((p) => (
            <Image key={p.fileId} className="preview-photo" src={p.url} mode="aspectFill" />
          ))}
        </View>
      )}
      <Text className="notice">
        请勿在内容中填写身份证号、银行卡号等与反映无关的个人信息。提交的内容只用于办理您的反映，由您选择的村（社区）议事会及上级妇联办理。
      </Text>
    </Card>
  )
}
