/**
 * On the case page, for those who may: 转办 (the holder in its first 48 hours, the level above at any
 * time), 申请延期 (the holder, once per level), and the level above's answer to a pending request; and
 * for all who handle or supervise the case, what its 延期 request says now.
 */
import { View } from '@tarojs/components'
import { LEVEL_LABELS, type CaseDetail } from '../../../types'
import { Card } from '../../shared/card'
import { TransferCase } from './case-transfer'
import { DecideExtension, ExtensionNotice, RequestExtension } from './case-extension'

export function TransferAndExtension({ detail, onChanged }: { detail: CaseDetail; onChanged: () => Promise<unknown> }) {
  const { can, extension } = detail
  if (!can.transfer && !can.requestExtension && !can.decideExtension && !extension) return null
  return (
    <Card title="转办与延期">
      <ExtensionNotice extension={extension} now={detail.asOf} />
      <View className="button-stack">
        {can.decideExtension && extension && <DecideExtension caseId={detail.id} extension={extension} now={detail.asOf} onChanged={onChanged} />}
        {can.requestExtension && detail.extensionMaxDays !== undefined && (
          <RequestExtension caseId={detail.id} resolveBy={detail.resolveBy} maxDays={detail.extensionMaxDays} now={detail.asOf} onChanged={onChanged} />
        )}
        {can.transfer && detail.transferUnder && (
          <TransferCase
            caseId={detail.id}
            holderOrgId={detail.holderOrgId}
            holder={`${detail.holderOrgName}（${LEVEL_LABELS[detail.level]}）`}
            level={detail.level}
            under={detail.transferUnder}
            onChanged={onChanged}
          />
        )}
      </View>
    </Card>
  )
}
