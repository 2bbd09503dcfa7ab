import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { CASE_KIND_LABELS, CATEGORY_LABELS, LEVEL_LABELS, OUTCOME_LABELS, type CaseDetail } from '../../../types'
import { StatusChip } from '../../shared/status-chip'
import { formatTime, remaining, runningDeadline, caseNumber } from '../../shared/case-format'
import { Card } from '../../shared/card'
import { CallReporter } from './call-reporter'

export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const deadline = runningDeadline(detail)
  const photoUrls = detail.photos.flatMap((id) => (detail.photoUrls[id] ? [detail.photoUrls[id]] : []))
  return (
    <View>
      <View className="card">
        <View className="title-row">
          <Text className="title">{detail.title}</Text>
          <StatusChip status={detail.status} overdue={detail.overdue} />
        </View>
        <Text className="muted">
          {CASE_KIND_LABELS[detail.kind]} · {CATEGORY_LABELS[detail.category]} · 编号 {caseNumber(detail.id)}
        </Text>
        {deadline && (
          <Text className={`case-line ${detail.overdue ? 'overdue' : ''}`}>
            {deadline.label}：{formatTime(deadline.at)}（{remaining(deadline.at, detail.asOf)}）
          </Text>
        )}
        {/* The deadline view lists the 帮扶方案's open tasks too: each by when, or how long overdue. */}
        {(detail.tasks ?? [])
          .filter((t) => t.status === 'open')
          .map((t) => (
            <Text key={t.id} className={`case-line ${t.overdue ? 'overdue' : ''}`}>
              帮扶任务“{t.title}”：{formatTime(t.dueAt, detail.asOf)}前（{remaining(t.dueAt, detail.asOf)}）
            </Text>
          ))}
        {detail.anonymous && <Text className="muted">匿名反映</Text>}
        {detail.filedOnBehalf && (
          <Text className="case-line">
            议事会成员代群众反映{detail.onBehalfOf ? `：${detail.onBehalfOf.name}${detail.onBehalfOf.phone ? `，${detail.onBehalfOf.phone}` : ''}` : ''}
          </Text>
        )}
        {detail.phone && <Text className="case-line">联系电话：{detail.phone}</Text>}
        {(detail.phone || detail.onBehalfOf?.phone) && <CallReporter caseId={detail.id} />}
      </View>
      <Card title="反映内容">
        <Text className="as-written">{detail.content}</Text>
        {photoUrls.length > 0 && (
          <View className="photo-row">
            {photoUrls.map((url, i) => (
              <Image
                key={url}
                className="case-photo"
                src={url}
                mode="aspectFill"
                aria-label={`照片 ${i + 1}，点按放大`}
                onClick={() => void Taro.previewImage({ current: url, urls: photoUrls })}
              />
            ))}
          </View>
        )}
      </Card>
      {detail.outcome && (
        <Card title={`办理结果：${OUTCOME_LABELS[detail.outcome.outcome]}`}>
          <Text className="as-written">{detail.outcome.resolution}</Text>
          <Text className="muted">
            {detail.outcome.orgName}（{LEVEL_LABELS[detail.outcome.level]}） {formatTime(detail.outcome.at)}
          </Text>
        </Card>
      )}
    </View>
  )
}
